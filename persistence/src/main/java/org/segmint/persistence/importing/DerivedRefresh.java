package org.segmint.persistence.importing;

import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.Workspace;

/** The step after every load, inside the import's transaction: derived data follows the new rows. */
final class DerivedRefresh {
    private DerivedRefresh() {
    }

    static void refresh(Workspace ws, Progress progress) {
        // Until the workspace's derived-data refresh exists, only the data version moves on.
        ws.bumpDataVersion();
    }
}
