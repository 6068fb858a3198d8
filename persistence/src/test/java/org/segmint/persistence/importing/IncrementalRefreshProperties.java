package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.testdata.Folders;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * The import's refresh of derived data is incremental (it redoes only what a load can have changed): after any
 * sequence of imports (replace, append, upsert into customers, orders, items and events, with orphans, items
 * without customer or date, orders without units, deleted customers), the derived columns and the metrics must
 * be exactly what a full refresh computes from the same rows.
 */
class IncrementalRefreshProperties {
    private static final String[] TABLES = {"customers", "orders", "order_items", "events"};
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private Path dir;
    private int tries;

    @BeforeProperty
    void createFolder() throws IOException {
        dir = Files.createTempDirectory("segmint-incremental");
    }

    @AfterProperty
    void deleteFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    @Property(tries = 25)
    void everyImportLeavesTheDerivedDataAFullRefreshWouldCompute(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve("ws-" + ++tries + ".segmint");
        try (Workspace ws = Workspace.create(file)) {
            for (int step = 0; step < 7; step++) {
                String table = step < 2 ? TABLES[step] : TABLES[random.nextInt(TABLES.length)];
                ImportMode mode = step < 2 ? ImportMode.REPLACE : ImportMode.values()[random.nextInt(3)];
                Path csv = dir.resolve("step-" + step + ".csv");
                write(csv, table, random);
                ImportRequest request = ImportRequest.replace(table).withMode(mode)
                        .withKeys(mode == ImportMode.UPSERT ? keys(table) : List.of());
                Importer.importCsv(ws, csv, null, request, Progress.NONE, Cancellation.none());
                List<String> incremental = derived(ws);
                DerivedData.refresh(ws, Progress.NONE);
                assertEquals(derived(ws), incremental, "seed " + seed + ", step " + step + ": " + mode + " " + table);
            }
        }
    }

    private static List<String> keys(String table) {
        return switch (table) {
            case "customers" -> List.of();
            case "events" -> List.of("customer_id", "event_type");
            default -> List.of("order_id");
        };
    }

    /** Every derived column and the metrics, row by row. */
    private static List<String> derived(Workspace ws) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(rows(ws, "SELECT rowid, ck, customer_id, order_date, revenue, units FROM orders ORDER BY rowid"));
        rows.addAll(rows(ws, "SELECT rowid, ck, customer_id, order_date, revenue FROM order_items ORDER BY rowid"));
        rows.addAll(rows(ws, "SELECT rowid, ck FROM events ORDER BY rowid"));
        rows.addAll(rows(ws, "SELECT * FROM metrics ORDER BY ck"));
        return rows;
    }

    private static List<String> rows(Workspace ws, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder(sql.substring(sql.indexOf("FROM")));
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    sb.append('|').append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    /** A small file for {@code table}: ids from small pools, so rows meet customers, orders and keys again. */
    private static void write(Path csv, String table, Random r) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv); CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            int rows = 1 + r.nextInt(12);
            switch (table) {
                case "customers" -> {
                    out.printRecord("customer_id", "email");
                    List<Integer> ids = new ArrayList<>();
                    for (int i = 0; i < 14; i++) {
                        ids.add(i);
                    }
                    java.util.Collections.shuffle(ids, r);
                    for (int i = 0; i < Math.min(rows, ids.size()); i++) {
                        out.printRecord("c" + ids.get(i), r.nextBoolean() ? "x" + i + "@example.com" : "");
                    }
                }
                case "orders" -> {
                    out.printRecord("order_id", "customer_id", "order_date", "revenue", "units");
                    for (int i = 0; i < rows; i++) {
                        out.printRecord(r.nextInt(8) == 0 ? "" : "o" + r.nextInt(20), customer(r), date(r),
                                r.nextInt(500) / 4.0, r.nextInt(3) == 0 ? "" : Integer.toString(1 + r.nextInt(4)));
                    }
                }
                case "order_items" -> {
                    out.printRecord("order_id", "customer_id", "order_date", "product_id", "quantity", "unit_price",
                            "revenue");
                    for (int i = 0; i < rows; i++) {
                        boolean lineRevenue = r.nextBoolean();
                        out.printRecord("o" + r.nextInt(20), r.nextInt(3) == 0 ? "" : customer(r),
                                r.nextInt(3) == 0 ? "" : date(r), "p" + r.nextInt(5), 1 + r.nextInt(3),
                                r.nextInt(100) / 4.0, lineRevenue ? Double.toString(r.nextInt(300) / 4.0) : "");
                    }
                }
                default -> {
                    out.printRecord("customer_id", "event_type", "event_time");
                    for (int i = 0; i < rows; i++) {
                        out.printRecord(customer(r), r.nextBoolean() ? "visit" : "click",
                                date(r) + "T" + String.format("%02d:%02d:00", r.nextInt(24), r.nextInt(60)));
                    }
                }
            }
        }
    }

    /** Mostly known customers, some unknown (orphans until a customer import brings them), some empty. */
    private static String customer(Random r) {
        int n = r.nextInt(20);
        return n == 19 ? "" : "c" + n;
    }

    private static String date(Random r) {
        return START.plusDays(r.nextInt(700)).toString();
    }
}
