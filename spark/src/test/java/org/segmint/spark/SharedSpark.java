package org.segmint.spark;

import org.apache.spark.sql.SparkSession;
import org.segmint.spark.cli.Sessions;

/**
 * The one Spark session of a test JVM ({@code local[2]}, no UI, few shuffle partitions for small data): starting
 * Spark takes seconds, so every test class of the JVM shares it and nobody stops it (the JVM's end does).
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
                    .config("spark.sql.shuffle.partitions", "2")
                    // Small data: planning and compiling cost more than running. Interpreted expressions and no
                    // adaptive re-planning make the tests' queries about twice as fast; the answers are the same
                    // (the cluster test, LocalClusterIT, runs with Spark's defaults).
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.sql.adaptive.enabled", "false")
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
