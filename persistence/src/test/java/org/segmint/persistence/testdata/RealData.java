package org.segmint.persistence.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The two real public data sets kept in the test resources ({@code realdata/}, gzipped, each with its licence):
 * the Chinook sample database and a 30,000-line sample of the UCI Online Retail export. Tests copy them out
 * into a folder of their own, so every clone of the repository can run them.
 */
public final class RealData {
    private RealData() {
    }

    /** Chinook as an SQLite file in {@code dir}: 59 customers, 412 invoices, 2,240 invoice lines. */
    public static Path chinook(Path dir) {
        return extract("realdata/chinook/Chinook_Sqlite.sqlite.gz", dir.resolve("Chinook_Sqlite.sqlite"));
    }

    /** The Online Retail sample as a CSV file in {@code dir}: 30,000 line items, 3,569 customers. */
    public static Path onlineRetail(Path dir) {
        return extract("realdata/online-retail-sample/OnlineRetail.csv.gz", dir.resolve("OnlineRetail.csv"));
    }

    private static Path extract(String resource, Path target) {
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream raw = RealData.class.getClassLoader().getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("test resource missing: " + resource);
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }
}
