package org.segmint.spark.report;

import java.util.List;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.root.DataRoot;

/**
 * What {@code --level} counts (FORMATS.md §4): {@code customers}, or the distinct parents of a hierarchy level
 * named by its customer column, or {@code households} / {@code accounts} for the first / second level. Without a
 * hierarchy in the settings, the levels are {@code household_id} and {@code account_id}, as on the desktop.
 */
public final class Levels {
    private Levels() {
    }

    /** The customer column of the level, or null for customers. */
    public static String column(DataRoot root, String level) {
        String text = level.strip();
        List<String> hierarchy = root.settings().hierarchy().isEmpty() ? List.of("household_id", "account_id")
                : root.settings().hierarchy();
        String column;
        if (text.equals("customers")) {
            return null;
        } else if (text.equals("households")) {
            column = hierarchy.get(0);
        } else if (text.equals("accounts")) {
            if (hierarchy.size() < 2) {
                throw new WorkspaceException("--level accounts: the hierarchy has one level (" + hierarchy.get(0)
                        + ")");
            }
            column = hierarchy.get(1);
        } else if (hierarchy.contains(text)) {
            column = text;
        } else {
            throw new WorkspaceException("--level: expected customers, households, accounts or a level of the"
                    + " hierarchy (" + String.join(", ", hierarchy) + "), not '" + level + "'");
        }
        if (root.catalog().field(Catalog.CUSTOMERS, column).isEmpty()) {
            throw new WorkspaceException("Cannot count " + text + ": customers have no " + column + " attribute");
        }
        return column;
    }
}
