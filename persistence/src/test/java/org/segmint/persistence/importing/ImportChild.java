package org.segmint.persistence.importing;

import java.nio.file.Path;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

/**
 * A child process for {@link ImportKillTest}: imports a CSV into orders (replace) and prints each
 * progress report on stdout, so that the parent can kill it in the middle of the load.
 */
public final class ImportChild {
    private ImportChild() {
    }

    public static void main(String[] args) {
        try (Workspace ws = Workspace.open(Path.of(args[0]))) {
            Importer.importCsv(ws, Path.of(args[1]), null, ImportRequest.replace("orders"),
                    (done, total, message) -> {
                        System.out.println("PROGRESS " + done + " " + total + " " + message);
                        System.out.flush();
                    }, Cancellation.none());
            System.out.println("DONE");
        }
    }
}
