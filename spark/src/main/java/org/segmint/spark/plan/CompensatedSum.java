package org.segmint.spark.plan;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * A sum of amounts as the desktop adds them: with a running compensation (Neumaier), as SQLite's {@code sum} and
 * {@code total} and the desktop's own sums do, so that ten orders of 0.10 total 1.0 (a plain floating-point sum
 * gives 0.9999999999999999, in any order) and a threshold equal to a customer's total selects them on Spark as it
 * does on the desktop. Partial sums from different partitions merge with their compensations. NULLs are skipped; no
 * value at all gives NULL, as {@code sum} does.
 */
public final class CompensatedSum extends Aggregator<Double, CompensatedSum.Buffer, Double> {
    private static final long serialVersionUID = 1L;
    private static final UserDefinedFunction FUNCTION = functions.udaf(new CompensatedSum(), Encoders.DOUBLE());

    /** The compensated sum of {@code amounts} (a column of doubles) in a grouping. */
    public static Column of(Column amounts) {
        return FUNCTION.apply(amounts);
    }

    /**
     * The same sum left unrounded: a struct of its running {@code sum} and {@code compensation} (and {@code any}),
     * for sums the driver adds up further (a segment's revenue from its combinations' sums): adding both parts
     * with {@link #addTo} loses nothing that rounding each partial sum would.
     */
    public static Column partsOf(Column amounts) {
        return PARTS.apply(amounts);
    }

    /** Adds a {@link #partsOf} value (a struct row, null when the grouping had no rows) to a running sum. */
    public static void addTo(org.segmint.persistence.columns.Kbn total, org.apache.spark.sql.Row parts) {
        if (parts != null && parts.<Boolean>getAs("any")) {
            total.add(parts.<Double>getAs("sum"));
            total.add(parts.<Double>getAs("compensation"));
        }
    }

    private static final UserDefinedFunction PARTS = functions.udaf(new Parts(), Encoders.DOUBLE());

    /** The aggregation of {@link #partsOf}: the buffer itself as the result. */
    private static final class Parts extends Aggregator<Double, Buffer, Buffer> {
        private static final long serialVersionUID = 1L;
        private final CompensatedSum sum = new CompensatedSum();

        @Override
        public Buffer zero() {
            return sum.zero();
        }

        @Override
        public Buffer reduce(Buffer b, Double amount) {
            return sum.reduce(b, amount);
        }

        @Override
        public Buffer merge(Buffer a, Buffer b) {
            return sum.merge(a, b);
        }

        @Override
        public Buffer finish(Buffer b) {
            return b;
        }

        @Override
        public Encoder<Buffer> bufferEncoder() {
            return Encoders.bean(Buffer.class);
        }

        @Override
        public Encoder<Buffer> outputEncoder() {
            return Encoders.bean(Buffer.class);
        }
    }

    /** A running sum, its compensation, and whether any value was added. */
    public static final class Buffer implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private double sum;
        private double compensation;
        private boolean any;

        public double getSum() {
            return sum;
        }

        public void setSum(double sum) {
            this.sum = sum;
        }

        public double getCompensation() {
            return compensation;
        }

        public void setCompensation(double compensation) {
            this.compensation = compensation;
        }

        public boolean isAny() {
            return any;
        }

        public void setAny(boolean any) {
            this.any = any;
        }

        void add(double x) {
            double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
            any = true;
        }
    }

    @Override
    public Buffer zero() {
        return new Buffer();
    }

    @Override
    public Buffer reduce(Buffer b, Double amount) {
        if (amount != null) {
            b.add(amount);
        }
        return b;
    }

    @Override
    public Buffer merge(Buffer a, Buffer b) {
        if (b.any) {
            a.add(b.sum);
            a.compensation += b.compensation;
        }
        return a;
    }

    @Override
    public Double finish(Buffer b) {
        return b.any ? b.sum + b.compensation : null;
    }

    @Override
    public Encoder<Buffer> bufferEncoder() {
        return Encoders.bean(Buffer.class);
    }

    @Override
    public Encoder<Double> outputEncoder() {
        return Encoders.DOUBLE();
    }
}
