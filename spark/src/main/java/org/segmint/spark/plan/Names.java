package org.segmint.spark.plan;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Column references by exact name. Spark parses a name given to {@code col} (a dot reaches into a struct), so a
 * column's own name, which comes from a table's schema, is quoted first; user values never pass through here, they
 * are literals.
 */
public final class Names {
    private Names() {
    }

    /** The column with exactly this name. */
    public static Column col(String name) {
        return functions.col(quote(name));
    }

    /** {@code name} as a quoted identifier. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
