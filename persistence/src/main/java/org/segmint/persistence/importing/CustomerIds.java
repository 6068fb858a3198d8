package org.segmint.persistence.importing;

import java.util.regex.Pattern;

/**
 * The one normalisation applied to customer ids, in every table, so that the same customer links
 * across files: surrounding spaces are removed, and a whole number written with a decimal point, as
 * spreadsheets export ids ({@code 12923.0}), loses the point ({@code 12923}). Nothing else changes:
 * {@code 00123} and {@code A-17} stay as written.
 */
public final class CustomerIds {
    private static final Pattern WHOLE_WITH_POINT = Pattern.compile("[+-]?\\d+\\.0+");

    private CustomerIds() {
    }

    /** The id as stored; null for an empty value. */
    public static String normalise(String id) {
        if (id == null) {
            return null;
        }
        String v = id.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (v.indexOf('.') > 0 && WHOLE_WITH_POINT.matcher(v).matches()) {
            return v.substring(0, v.indexOf('.'));
        }
        return v;
    }
}
