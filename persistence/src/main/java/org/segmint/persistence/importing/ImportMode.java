package org.segmint.persistence.importing;

import java.util.Locale;
import org.segmint.persistence.workspace.WorkspaceException;

/** What an import does with the rows already in the target table. */
public enum ImportMode {
    /** The file's rows replace the table's rows (customers keep their internal keys). */
    REPLACE,
    /** The file's rows are added; for customer-keyed tables a customer already present is a reject. */
    APPEND,
    /** Rows whose key is in the file are replaced by the file's rows with that key; others are added. */
    UPSERT;

    public static ImportMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new WorkspaceException("Unknown import mode '" + text + "': use replace, append or upsert");
        }
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
