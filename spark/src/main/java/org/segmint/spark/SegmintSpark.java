package org.segmint.spark;

import org.segmint.spark.cli.Sessions;
import org.segmint.spark.cli.SparkCli;

/**
 * The main class of {@code segmint-spark.jar}: {@code spark-submit [--master URL] segmint-spark.jar COMMAND ...}.
 * Spark's own logging is kept to errors (Segmint's log configuration when logging has not started yet, Spark's
 * {@code spark.log.level} under {@code spark-submit}), so a command's output and its one-line messages stand alone;
 * {@code SEGMINT_DEBUG} keeps Spark's usual logging and adds stack traces.
 */
public final class SegmintSpark {
    static final String LOG_CONFIGURATION = "segmint-spark-log4j2.properties";

    private SegmintSpark() {
    }

    public static void main(String[] args) {
        boolean debug = System.getenv("SEGMINT_DEBUG") != null;
        if (!debug && System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOG_CONFIGURATION);
        }
        Sessions sessions = Sessions.standard(debug);
        int code;
        try {
            code = SparkCli.run(args, System.out, System.err, sessions);
        } catch (Throwable e) {
            // An error Spark itself raised (a missing class, out of memory) is still one line.
            System.err.println("segmint-spark: unexpected error: " + e);
            code = SparkCli.FAILED;
        } finally {
            try {
                sessions.close();
            } catch (RuntimeException e) {
                System.err.println("segmint-spark: could not stop Spark cleanly: " + e.getMessage());
            }
        }
        System.exit(code);
    }
}
