package org.segmint.spark.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.report.ReportJson;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.DataRoot;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that read a data root: {@code --data PATH}, {@code --table NAME=db.table}, {@code --job
 * FOLDER}, {@code --as-of DATE}, {@code --json}, {@code --help}. Options are checked before Spark starts; the root is
 * opened (listings, JSON files, Parquet footers) and every name, column and definition checked before any job runs.
 */
public abstract class DataCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "The data root: a folder (or hdfs://, s3a://, ...) with customers/, orders/, ... as"
                    + " from-workspace writes it.")
    protected String data;

    @Option(names = "--table", paramLabel = "NAME=TABLE",
            description = "Read table NAME from the Spark catalog (e.g. orders=lake.orders) instead of the root.")
    protected Map<String, String> tables = new LinkedHashMap<>();

    @Option(names = "--job", paramLabel = "FOLDER",
            description = "A job folder (written by the desktop's Run on Spark) whose definitions, settings, group"
                    + " and list members are laid over the data root's.")
    protected String job;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Resolve relative windows against this date (ISO, e.g. 2011-12-09); default: the data"
                    + " root's settings.json.")
    protected String asOfText;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    protected boolean json;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    protected boolean help;

    Sessions sessions;

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    protected abstract int execute() throws Exception;

    /** The {@code --as-of} date, or null when not given. */
    protected LocalDate asOfOption() {
        if (asOfText == null) {
            return null;
        }
        try {
            return LocalDate.parse(asOfText.strip());
        } catch (DateTimeParseException e) {
            throw new WorkspaceException("--as-of: expected a date like 2025-06-30, not '" + asOfText + "'");
        }
    }

    /** Opens the data root (starting Spark if it has not started). */
    protected SparkEngine open() {
        for (Map.Entry<String, String> t : tables.entrySet()) {
            if (t.getKey().isBlank() || t.getValue() == null || t.getValue().isBlank()) {
                throw new WorkspaceException("--table: expected NAME=db.table, like orders=lake.orders");
            }
        }
        return new SparkEngine(DataRoot.open(sessions.get(), data, job, tables));
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected void println(String line) {
        out().println(line);
        out().flush();
    }

    protected void printJson(Object document) {
        out().println(ReportJson.text(document));
        out().flush();
    }
}
