package org.segmint.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;
import org.segmint.spark.cli.Sessions;
import org.segmint.spark.cli.SparkCli;

/** Runs the command line on a given session (the cluster test's own); fails on a non-zero exit. */
final class CliRunOn {
    private CliRunOn() {
    }

    static String cluster(SparkSession session, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SparkCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Sessions.of(session));
        if (exit != 0) {
            throw new AssertionError("exit " + exit + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
