package org.segmint.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Spark home made of the build's Spark jars, for a multi-process cluster on one machine: an empty {@code RELEASE}
 * file and {@code jars/} linking every jar of {@code target/spark.classpath}. Worker processes start executors from
 * it ({@code SPARK_HOME}, with {@code SPARK_SCALA_VERSION=2.13}, set by the build for the integration tests).
 */
final class SparkHome {
    private SparkHome() {
    }

    static void prepare(Path home, Path classpath) throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        if (!Files.exists(home.resolve("RELEASE"))) {
            Files.createFile(home.resolve("RELEASE"));
        }
        for (String entry : Files.readString(classpath).strip().split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (entry.endsWith(".jar") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar);
            }
        }
    }
}
