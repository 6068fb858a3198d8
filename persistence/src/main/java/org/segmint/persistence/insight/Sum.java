package org.segmint.persistence.insight;

/**
 * A compensated (Neumaier) running sum: adding a million revenues keeps the total within rounding of the
 * exact value, so a segment's revenue matches the database's own {@code total()} to the cent and beyond.
 */
final class Sum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}
