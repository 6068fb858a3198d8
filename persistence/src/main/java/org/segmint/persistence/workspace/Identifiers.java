package org.segmint.persistence.workspace;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Table and column names that reach SQL. Names come from CSV headers and segment files, so they are
 * normalised to {@code [a-z_][a-z0-9_]*}, checked, and always double-quoted in SQL text.
 */
public final class Identifiers {
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.startsWith("sg_") && !name.startsWith("sqlite_");
    }

    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new WorkspaceException("'" + name + "' is not a valid name (use letters, digits and _)");
        }
        return name;
    }

    public static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** "Invoice Date" becomes "invoice_date"; "Größe" becomes "grosse"; "1st" becomes "c_1st". */
    public static String normalise(String header) {
        String ascii = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").replace("ß", "ss");
        String snake = ascii.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (snake.isEmpty()) {
            snake = "column";
        }
        if (!Character.isLetter(snake.charAt(0)) && snake.charAt(0) != '_') {
            snake = "c_" + snake;
        }
        if (snake.startsWith("sg_") || snake.startsWith("sqlite_")) {
            snake = "c_" + snake;
        }
        return snake.length() > 63 ? snake.substring(0, 63) : snake;
    }
}
