package org.segmint.spark;

import org.apache.spark.sql.SparkSession;
import org.segmint.spark.cli.Sessions;

/**
 * The one Spark session of the test run ({@code local[2]}, no UI, few shuffle partitions for small data): starting
 * Spark takes seconds, so every test class shares it and nobody stops it (the JVM's end does).
 */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("segmint-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .config("spark.log.level", "ERROR")
                    .getOrCreate();
            Sessions.configure(session);
        }
        return session;
    }

    public static Sessions sessions() {
        return Sessions.of(session());
    }
}
