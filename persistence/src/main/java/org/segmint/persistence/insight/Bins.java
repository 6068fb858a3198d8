package org.segmint.persistence.insight;

/** Round histogram limits: steps of 1, 2 or 5 times a power of ten. */
final class Bins {
    private Bins() {
    }

    /** A round step that splits {@code min..max} into about {@code bins} ranges; at least 1 for integers. */
    static double step(double min, double max, int bins, boolean integer) {
        double span = max - min;
        if (span <= 0) {
            return integer || min == Math.rint(min) ? 1 : Math.max(Math.abs(min) / 10, 1e-9);
        }
        double raw = span / bins;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        double step = nice * power;
        return integer ? Math.max(1, Math.ceil(step)) : step;
    }

    static String label(double low, double high) {
        return format(low) + " to " + format(high);
    }

    private static String format(double x) {
        double rounded = Math.round(x * 1e9) / 1e9;
        return rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15 ? Long.toString((long) rounded)
                : Double.toString(rounded);
    }
}
