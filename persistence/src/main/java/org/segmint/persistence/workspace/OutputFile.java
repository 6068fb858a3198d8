package org.segmint.persistence.workspace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Random;

/**
 * The one way Segmint writes a file the user named (exports, rejects, segment and model files).
 *
 * <ul>
 *   <li>The target may not be a protected file ({@link ProtectedFiles}: an open workspace or its companions, an
 *       input being read), nor a folder; the check sees through symbolic links and hard links.</li>
 *   <li>A symbolic link is followed: the file it points to is written, the link stays.</li>
 *   <li>A regular file (or a new one) is written to a hidden temporary file beside it and moved into place by
 *       {@link #commit()}, so a failure or a crash never leaves a half-written file under the user's name.</li>
 *   <li>A file that is not regular (a device such as {@code /dev/stdout}, a named pipe) is written directly.</li>
 *   <li>Closing without commit removes the temporary file; every failure names its real cause.</li>
 * </ul>
 */
public final class OutputFile implements AutoCloseable {
    private static final Random RANDOM = new SecureRandom();
    private final Path shown;
    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private Writer writer;
    private boolean committed;

    private OutputFile(Path shown, Path target, Path temp, OutputStream stream) {
        this.shown = shown;
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    /** Checks {@code file} may be written and opens it (see the class comment). */
    public static OutputFile open(Path file) {
        Path target = danglingLinkTarget(file).orElseGet(() -> ProtectedFiles.canonical(file));
        ProtectedFiles.roleOf(target).or(() -> ProtectedFiles.roleOf(file)).ifPresent(role -> {
            throw new OutputException(file + ": cannot write the output here, it is " + role
                    + "; choose another file name");
        });
        if (Files.isDirectory(target)) {
            throw new OutputException(file + ": is a folder; give a file name for the output");
        }
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                return new OutputFile(file, target, null, Files.newOutputStream(target, StandardOpenOption.WRITE));
            }
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".part");
            // CREATE_NEW (not createTempFile, which makes the file private): the output gets the user's usual
            // permissions, or those of the file it replaces.
            OutputStream stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                keepPermissions(target, temp);
                return new OutputFile(file, target, temp, stream);
            } catch (IOException e) {
                stream.close();
                Files.deleteIfExists(temp);
                throw e;
            }
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /**
     * The file a symbolic link names when that file does not exist yet: the output is written there, as it is
     * through a link to an existing file. Empty when {@code file} is not such a link.
     */
    private static Optional<Path> danglingLinkTarget(Path file) {
        if (!Files.isSymbolicLink(file) || Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Path pointed = file.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(file));
            return Optional.of(ProtectedFiles.canonical(pointed));
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /** Writes the whole text to {@code file} in one go. */
    public static void writeString(Path file, String text) {
        try (OutputFile out = open(file)) {
            try {
                out.writer().write(text);
            } catch (IOException e) {
                throw failure(file, e);
            }
            out.commit();
        }
    }

    /** The bytes of the output. */
    public OutputStream stream() {
        return stream;
    }

    /** A buffered UTF-8 writer over {@link #stream()} (the same one on every call). */
    public Writer writer() {
        if (writer == null) {
            writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }
        return writer;
    }

    /** Flushes, closes and moves the file into place; returns the path the user gave. */
    public Path commit() {
        try {
            closeStreams();
            if (temp != null) {
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
            return shown;
        } catch (IOException e) {
            throw failure(shown, e);
        } finally {
            if (!committed) {
                deleteTemp();
            }
        }
    }

    /** Discards the output unless it was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            closeStreams();
        } catch (IOException ignored) {
            // the output is discarded; the failure that brought us here has its own message
        }
        deleteTemp();
    }

    private void closeStreams() throws IOException {
        if (writer != null) {
            writer.close();
        } else {
            stream.close();
        }
    }

    private void deleteTemp() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more can be done; the name is hidden and ends in .part
            }
        }
    }

    /** A one-line message naming the file and the real cause of an I/O failure. */
    public static OutputException failure(Path file, IOException e) {
        return new OutputException(file + ": cannot write the output (" + reason(e) + ")", e);
    }

    /** The operating system's reason in words ("No space left on device", "permission denied"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
