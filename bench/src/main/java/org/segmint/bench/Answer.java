package org.segmint.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a case answered, as named numbers in a fixed order (counts as longs, amounts as doubles), so
 * the two engines' answers can be compared entry by entry. {@link #result()} is the headline number reported.
 *
 * <p>Counts must be equal. Amounts are sums of floating-point values added in different orders by the two
 * engines, so they must agree to {@value #RELATIVE} relative (or {@value #ABSOLUTE} absolute near zero): a
 * difference of a cent on a billion passes, a missing order never does.
 */
final class Answer {
    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-6;

    private final Map<String, Number> values = new LinkedHashMap<>();
    private final String headline;

    Answer(String headline) {
        this.headline = headline;
    }

    Answer count(String name, long value) {
        values.put(name, value);
        return this;
    }

    Answer amount(String name, double value) {
        values.put(name, value);
        return this;
    }

    long result() {
        return values.get(headline).longValue();
    }

    /** Where this answer and {@code other} differ, as readable lines; empty when they agree. */
    List<String> differences(Answer other) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Number> e : values.entrySet()) {
            Number theirs = other.values.get(e.getKey());
            if (theirs == null) {
                out.add(e.getKey() + ": " + e.getValue() + " vs (missing)");
            } else if (!same(e.getValue(), theirs)) {
                out.add(e.getKey() + ": " + e.getValue() + " vs " + theirs);
            }
        }
        for (String name : other.values.keySet()) {
            if (!values.containsKey(name)) {
                out.add(name + ": (missing) vs " + other.values.get(name));
            }
        }
        return out;
    }

    private static boolean same(Number a, Number b) {
        if (a instanceof Long && b instanceof Long) {
            return Objects.equals(a, b);
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Math.abs(x - y) <= Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(x), Math.abs(y)));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
