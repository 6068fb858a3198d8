package org.segmint.persistence.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a generated orders CSV ({@code order_id,customer_id,order_date,revenue,units,channel}) for
 * the kill test and the import benchmark. Deterministic for a seed; customer ids run 1..customers.
 */
final class OrdersCsv {
    private static final String[] CHANNELS = {"web", "store", "app"};

    private OrdersCsv() {
    }

    static void write(Path file, long rows, int customers, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] days = new String[6 * 365];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.of(2020, 1, 1).plusDays(d).toString();
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("order_id,customer_id,order_date,revenue,units,channel\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 1; i <= rows; i++) {
                line.setLength(0);
                int cents = 500 + random.nextInt(50_000);
                line.append('o').append(i).append(',')
                        .append(1 + random.nextInt(customers)).append(',')
                        .append(days[random.nextInt(days.length)]).append(',')
                        .append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
                        .append(',').append(1 + random.nextInt(6)).append(',')
                        .append(CHANNELS[random.nextInt(CHANNELS.length)]).append('\n');
                w.append(line);
            }
        }
    }

    /** A customers CSV with ids 1..customers. */
    static void writeCustomers(Path file, int customers) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer_id,country\n");
            for (int i = 1; i <= customers; i++) {
                w.write(i + "," + (i % 3 == 0 ? "DE" : "UK") + "\n");
            }
        }
    }
}
