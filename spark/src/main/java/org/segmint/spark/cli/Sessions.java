package org.segmint.spark.cli;

import org.apache.spark.sql.SparkSession;

/**
 * Where commands get their Spark session: {@code spark-submit} (or {@code bin/segmint-spark}) configures the master
 * and Spark builds the session on first use; tests hand in one shared session instead.
 */
public interface Sessions {
    /** The session; created on first call. */
    SparkSession get();

    /** Stops the session if this created it. */
    void close();

    /**
     * Builds (or joins) the application's session, with the settings the job relies on.
     *
     * @param verbose keep Spark's logging as configured; otherwise errors only
     */
    static Sessions standard(boolean verbose) {
        return new Sessions() {
            private SparkSession session;

            @Override
            public synchronized SparkSession get() {
                if (session == null) {
                    SparkSession.Builder builder = SparkSession.builder().appName("Segmint")
                            .config("spark.ui.showConsoleProgress", "false");
                    if (!verbose) {
                        builder.config("spark.log.level", "ERROR");
                    }
                    session = configure(builder.getOrCreate());
                }
                return session;
            }

            @Override
            public synchronized void close() {
                if (session != null) {
                    session.stop();
                    session = null;
                }
            }
        };
    }

    /** A given session, never stopped here. */
    static Sessions of(SparkSession spark) {
        SparkSession configured = configure(spark);
        return new Sessions() {
            @Override
            public SparkSession get() {
                return configured;
            }

            @Override
            public void close() {
                // owned by the caller
            }
        };
    }

    /** Dates and times arrive as java.time values. */
    static SparkSession configure(SparkSession spark) {
        spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
        return spark;
    }
}
