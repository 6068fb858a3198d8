package org.segmint.persistence.columns;

/**
 * A running sum as SQLite's {@code total()} and {@code sum()} of REAL values compute it
 * (Kahan-Babuska-Neumaier summation), so sums over the columns equal the SQL engine's.
 */
public final class Kbn {
    private double sum;
    private double error;

    public void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) > Math.abs(x)) {
            error += (sum - t) + x;
        } else {
            error += (x - t) + sum;
        }
        sum = t;
    }

    public double value() {
        return sum + error;
    }

    public void clear() {
        sum = 0;
        error = 0;
    }
}
