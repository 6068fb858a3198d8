package org.segmint.persistence.sparkjob;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a "Run on Spark" job runs: a saved segment (its insights, which hold its count and revenue tree) or a priority
 * model, as of a date, over a data root on the cluster.
 *
 * @param kind      a segment or a model
 * @param name      the saved segment's or model's name
 * @param asOf      the date relative windows end on (the workspace's, so the answers compare with the desktop's)
 * @param dataRoot  where the cluster keeps the data ({@code s3a://...}, {@code hdfs://...}, a folder)
 * @param master    the {@code spark-submit --master} URL ({@code yarn}, {@code spark://host:7077}, {@code local[*]})
 * @param jar       the path of {@code segmint-spark.jar} on the machine that submits
 */
public record SparkJob(Kind kind, String name, LocalDate asOf, String dataRoot, String master, String jar) {

    /** What the job runs. */
    public enum Kind {
        SEGMENT("insights", "insights.json"),
        MODEL("model", "model.json");

        private final String command;
        private final String resultFile;

        Kind(String command, String resultFile) {
            this.command = command;
            this.resultFile = resultFile;
        }

        /** The Spark command the job runs. */
        public String command() {
            return command;
        }

        /** The file of {@code results/} its JSON goes to. */
        public String resultFile() {
            return resultFile;
        }
    }

    public SparkJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(jar, "jar");
    }
}
