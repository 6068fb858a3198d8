package org.segmint.persistence.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The files this process must never write over: every open workspace (with its {@code -wal}, {@code -shm}
 * and {@code -journal} companions) and every input file while it is being read. {@link OutputFile} refuses a
 * target that is one of them, so no command, present or future, can replace the workspace or its own input.
 */
public final class ProtectedFiles {
    private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

    private ProtectedFiles() {
    }

    /** What a protected file is, in words for the user ("the workspace", "the input being read"). */
    private record Entry(Path path, String role) {
    }

    /** A registration; closing it lifts the protection. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Protects a workspace file and its SQLite companions until the registration is closed. */
    public static Registration workspace(Path file) {
        List<Entry> added = new ArrayList<>();
        added.add(new Entry(canonical(file), "the workspace"));
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            added.add(new Entry(canonical(file.resolveSibling(file.getFileName() + suffix)), "the workspace"));
        }
        return register(added);
    }

    /** Protects an input file while it is read. */
    public static Registration input(Path file) {
        return register(List.of(new Entry(canonical(file), "the input file being read")));
    }

    private static Registration register(List<Entry> added) {
        ENTRIES.addAll(added);
        return () -> added.forEach(ENTRIES::remove);
    }

    /** The role of the protected file {@code target} is (or resolves to), if it is one. */
    static Optional<String> roleOf(Path target) {
        Path canonical = canonical(target);
        for (Entry e : ENTRIES) {
            if (e.path().equals(canonical) || sameFile(e.path(), canonical)) {
                return Optional.of(e.role());
            }
        }
        return Optional.empty();
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The absolute path with symbolic links resolved: of the file itself when it exists, else of its folder
     * (the file name kept), so a path that does not exist yet compares equal to the one it will become.
     */
    static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            if (parent != null && Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
                return parent.toRealPath().resolve(absolute.getFileName());
            }
        } catch (IOException e) {
            // fall back to the plain absolute path
        }
        return absolute;
    }
}
