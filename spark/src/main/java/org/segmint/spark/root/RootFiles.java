package org.segmint.spark.root;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Files of a data root or job folder through Hadoop's file systems, so a root may be a local folder, {@code hdfs://}
 * or {@code s3a://} alike. Failures become one line naming the path.
 */
public final class RootFiles {
    private final Configuration conf;

    public RootFiles(Configuration conf) {
        this.conf = conf;
    }

    public Configuration conf() {
        return conf;
    }

    public FileSystem fs(Path path) {
        try {
            return path.getFileSystem(conf);
        } catch (IOException e) {
            throw new WorkspaceException(path + ": cannot reach the file system (" + e.getMessage() + ")", e);
        }
    }

    public boolean exists(Path path) {
        try {
            return fs(path).exists(path);
        } catch (IOException e) {
            throw new WorkspaceException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public boolean isDirectory(Path path) {
        try {
            return fs(path).getFileStatus(path).isDirectory();
        } catch (java.io.FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new WorkspaceException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** The entries of a folder (none when it does not exist), sorted by name. */
    public List<FileStatus> list(Path folder) {
        try {
            FileSystem fs = fs(folder);
            if (!fs.exists(folder)) {
                return List.of();
            }
            List<FileStatus> entries = new ArrayList<>(List.of(fs.listStatus(folder)));
            entries.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
            return entries;
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot list the folder (" + e.getMessage() + ")", e);
        }
    }

    /** A UTF-8 text file (a leading byte order mark is skipped). */
    public String readText(Path file) {
        try (InputStream in = fs(file).open(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.io.FileNotFoundException e) {
            throw new WorkspaceException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new WorkspaceException(file + ": is not UTF-8 text (save it as UTF-8 JSON)");
        } catch (IOException e) {
            throw new WorkspaceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /** Writes a small text file whole (to a hidden name first, then renamed into place). */
    public void writeText(Path file, String text) {
        FileSystem fs = fs(file);
        Path part = new Path(file.getParent(), "." + file.getName() + ".part");
        try {
            try (OutputStream out = fs.create(part, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(file) && !fs.delete(file, false)) {
                throw new IOException("cannot replace " + file);
            }
            if (!fs.rename(part, file)) {
                throw new IOException("cannot rename " + part);
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new WorkspaceException(file + ": cannot write the file (" + e.getMessage() + ")", e);
        }
    }

    public void mkdirs(Path folder) {
        try {
            if (!fs(folder).mkdirs(folder)) {
                throw new IOException("mkdirs returned false");
            }
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot create the folder (" + e.getMessage() + ")", e);
        }
    }

    public void delete(Path path) {
        try {
            FileSystem fs = fs(path);
            if (fs.exists(path) && !fs.delete(path, true)) {
                throw new IOException("delete returned false");
            }
        } catch (IOException e) {
            throw new WorkspaceException(path + ": cannot delete (" + e.getMessage() + ")", e);
        }
    }

    public void deleteQuietly(Path path) {
        try {
            fs(path).delete(path, true);
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover hidden file is harmless
        }
    }

    public void rename(Path from, Path to) {
        try {
            if (!fs(from).rename(from, to)) {
                throw new IOException("rename returned false");
            }
        } catch (IOException e) {
            throw new WorkspaceException(from + ": cannot move to " + to + " (" + e.getMessage() + ")", e);
        }
    }

    /** The fully qualified form of a path (scheme and authority filled in, e.g. {@code file:/data/root}). */
    public Path qualify(Path path) {
        return fs(path).makeQualified(path);
    }
}
