package org.segmint.spark.root;

import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Where a command may write, and writing there safely. An output is refused, before any work, when it is the data
 * root, holds it, or lies inside it (a folder there would read as a new table), or when it exists and
 * {@code --force} was not given. It is written under a hidden name beside its place and moved into place only once
 * complete, so a failed or killed run leaves no half output and an existing one whole.
 */
public final class Outputs {
    private final RootFiles files;

    public Outputs(RootFiles files) {
        this.files = files;
    }

    /**
     * Checks an output path against the data root (null when there is none) and {@code --force}; returns it
     * qualified.
     */
    public Path check(String output, Path root, boolean force, String option) {
        Path out = files.qualify(new Path(output));
        if (root != null) {
            String o = withSlash(out);
            String r = withSlash(root);
            if (o.equals(r) || r.startsWith(o)) {
                throw new WorkspaceException(option + " " + output + ": would replace the data root; choose another"
                        + " folder");
            }
            if (o.startsWith(r)) {
                throw new WorkspaceException(option + " " + output + ": is inside the data root " + root
                        + "; write outputs elsewhere");
            }
        }
        if (files.exists(out) && !force) {
            throw new WorkspaceException(option + " " + output + ": already exists; add --force to replace it");
        }
        return out;
    }

    private static String withSlash(Path p) {
        String s = p.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    /**
     * Lets {@code write} fill a hidden folder beside {@code out}, then moves it into place (replacing what is there:
     * the caller checked {@code --force}). On failure the hidden folder is removed and {@code out} is untouched.
     */
    public void replace(Path out, Consumer<Path> write) {
        Path parent = out.getParent();
        Path temp = new Path(parent, "." + out.getName() + ".part-" + UUID.randomUUID());
        try {
            write.accept(temp);
            Path old = null;
            if (files.exists(out)) {
                old = new Path(parent, "." + out.getName() + ".old-" + UUID.randomUUID());
                files.rename(out, old);
            }
            try {
                files.rename(temp, out);
            } catch (RuntimeException e) {
                if (old != null) {
                    files.rename(old, out);
                }
                throw e;
            }
            if (old != null) {
                files.delete(old);
            }
        } catch (RuntimeException | Error e) {
            files.deleteQuietly(temp);
            throw e;
        }
    }
}
