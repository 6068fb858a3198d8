package org.segmint.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code segmint bench}: the benchmark is no longer part of the app. It is its own program, built beside it,
 * that runs every case on Segmint and on DuckDB over the same data; this command says where it is.
 */
@Command(name = "bench", description = "The benchmark moved: java -jar bench/target/segmint-bench.jar WORKSPACE"
        + " --json (see docs/performance.md).")
public final class BenchCommand implements Callable<Integer> {
    static final String MOVED = "the benchmark is its own program now: java -jar bench/target/segmint-bench.jar"
            + " WORKSPACE --json (built by ./mvnw package; see docs/performance.md)";

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("segmint: " + MOVED);
        return Cli.BAD_INPUT;
    }
}
