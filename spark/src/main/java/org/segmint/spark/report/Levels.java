package org.segmint.spark.report;

import org.segmint.model.catalog.Catalog;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.root.DataRoot;

/**
 * What {@code --level} counts (FORMATS.md §4): {@code customers}, {@code households} / {@code accounts} (the first /
 * second level of the data root's hierarchy) or a level's customer column, with the desktop's words when there is no
 * such level.
 */
public final class Levels {
    private Levels() {
    }

    public static HierarchyLevel level(DataRoot root, String text) {
        HierarchyLevel level;
        try {
            level = root.hierarchy().level(text);
        } catch (IllegalArgumentException e) {
            if (root.hierarchy().columns().isEmpty()) {
                throw new WorkspaceException("--level: the data has no hierarchy, so there is no level '" + text.strip()
                        + "' (give the parent columns in settings.json: \"hierarchy\": [\"household_id\", ...])");
            }
            throw new WorkspaceException("--level: " + e.getMessage());
        }
        if (!level.isCustomer() && root.catalog().field(Catalog.CUSTOMERS, level.column()).isEmpty()) {
            throw new WorkspaceException("Cannot count " + level.name() + ": customers have no " + level.column()
                    + " column");
        }
        return level;
    }
}
