package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class ImporterTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("w.segmint"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private ImportSummary run(String table, Path file, ImportRequest request) {
        return Importer.importCsv(ws, file, null, request, Progress.NONE, Cancellation.none());
    }

    private ImportSummary replace(String table, Path file) {
        return run(table, file, ImportRequest.replace(table));
    }

    private List<List<Object>> query(String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = ws.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private Map<String, Long> cks() throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        for (List<Object> r : query("SELECT customer_id, ck FROM customers ORDER BY customer_id")) {
            m.put((String) r.get(0), ((Number) r.get(1)).longValue());
        }
        return m;
    }

    @Test
    void importsCustomersWithNewTypedColumnsAndNormalisedNames() throws Exception {
        Path file = csv("c.csv", "Customer ID,First Name,Birth Date,Opt In,Score,Visits\n"
                + "12923.0,Ann,1980-02-29,yes,1.5,3\n"
                + "c2,Bob,1975-12-01,no,,4\n");
        ImportSummary s = run("customers", file, ImportRequest.replace("customers")
                .withMapping(Map.of("Customer ID", "customer_id")));
        assertEquals(2, s.rows());
        assertEquals(0, s.rejected());
        assertEquals(List.of("first_name", "birth_date", "opt_in", "score", "visits"), s.columnsAdded());
        assertEquals(FieldType.DATE, ws.catalog().field("customers.birth_date").get().type());
        assertEquals(FieldType.BOOLEAN, ws.catalog().field("customers.opt_in").get().type());
        assertEquals(FieldType.DECIMAL, ws.catalog().field("customers.score").get().type());
        assertEquals(FieldType.INTEGER, ws.catalog().field("customers.visits").get().type());
        assertEquals(List.of(List.of("12923", "Ann", (int) LocalDate.of(1980, 2, 29).toEpochDay(), 1, 1.5, 3)),
                query("SELECT customer_id, first_name, birth_date, opt_in, score, visits FROM customers"
                        + " WHERE customer_id = '12923'"));
        assertEquals(1, ws.dataVersion());
    }

    @Test
    void replaceKeepsEachCustomersKeyAndDropsCustomersNotInTheFile() throws Exception {
        replace("customers", csv("c1.csv", "customer_id,tier\na,gold\nb,silver\nc,bronze\n"));
        Map<String, Long> before = cks();
        ImportSummary s = replace("customers", csv("c2.csv", "customer_id,tier\nc,gold\nd,silver\na,gold\n"));
        assertEquals(3, s.rows());
        Map<String, Long> after = cks();
        assertEquals(List.of("a", "c", "d"), List.copyOf(after.keySet()));
        assertEquals(before.get("a"), after.get("a"));
        assertEquals(before.get("c"), after.get("c"));
        assertFalse(before.containsValue(after.get("d")), "a new customer gets a new key");
        assertEquals(List.of(List.of("gold")), query("SELECT tier FROM customers WHERE customer_id = 'c'"));
    }

    @Test
    void upsertUpdatesKnownCustomersAddsNewOnesAndTheLaterDuplicateWinsWhenAsked() throws Exception {
        replace("customers", csv("c1.csv", "customer_id,tier,city\na,gold,Oslo\nb,silver,Rome\n"));
        Map<String, Long> before = cks();
        ImportSummary s = run("customers", csv("c2.csv", "customer_id,tier\nb,gold\nc,bronze\nc,platinum\n"),
                ImportRequest.replace("customers").withMode(ImportMode.UPSERT).withLastWins(true));
        assertEquals(3, s.rows());
        assertEquals(0, s.rejected());
        assertEquals(before.get("b"), cks().get("b"));
        assertEquals(List.of(List.of("a", "gold", "Oslo"), List.of("b", "gold", "Rome"),
                        Arrays.asList("c", "platinum", null)),
                query("SELECT customer_id, tier, city FROM customers ORDER BY customer_id"));
    }

    @Test
    void aCustomerRepeatedInTheFileIsARejectByDefault() throws Exception {
        Path rejects = dir.resolve("dups.csv");
        ImportSummary s = run("customers", csv("c.csv", "customer_id,tier\nc,bronze\nd,gold\nc,platinum\n"),
                ImportRequest.replace("customers").withRejectsFile(rejects));
        assertEquals(2, s.rows());
        assertEquals(1, s.rejected());
        assertEquals(List.of(List.of("c", "bronze"), List.of("d", "gold")),
                query("SELECT customer_id, tier FROM customers ORDER BY customer_id"));
        assertTrue(Files.readString(rejects).contains("customer_id c is on an earlier line of the file too"));
    }

    @Test
    void appendRejectsCustomersAlreadyPresent() throws Exception {
        replace("customers", csv("c1.csv", "customer_id,tier\na,gold\n"));
        Path rejects = dir.resolve("r.csv");
        ImportSummary s = run("customers", csv("c2.csv", "customer_id,tier\na,silver\nb,bronze\n"),
                ImportRequest.replace("customers").withMode(ImportMode.APPEND).withRejectsFile(rejects));
        assertEquals(1, s.rows());
        assertEquals(1, s.rejected());
        assertEquals(List.of(List.of("a", "gold"), List.of("b", "bronze")),
                query("SELECT customer_id, tier FROM customers ORDER BY customer_id"));
        assertTrue(Files.readString(rejects).contains("already in customers"));
    }

    @Test
    void ordersLinkToCustomersAndKeepOrphans() throws Exception {
        replace("customers", csv("c.csv", "customer_id\n1\n2\n"));
        Path orders = csv("o.csv", "InvoiceNo,Cust,Date,Total\n"
                + "o1,1.0,2011-12-09 10:00,10.5\n"
                + "o2,2,2011-12-10 11:00,20\n"
                + "o3,99,2011-12-10 12:00,5\n"
                + "o4,,2011-12-11 12:00,5\n");
        ImportSummary s = run("orders", orders, ImportRequest.replace("orders").withMapping(Map.of(
                "InvoiceNo", "order_id", "Cust", "customer_id", "Date", "order_date", "Total", "revenue")));
        assertEquals(4, s.rows());
        assertEquals(2, s.orphans());
        assertEquals("date:yyyy-MM-dd HH:mm:ss", s.columns().get("order_date").toString());
        Map<String, Long> cks = cks();
        List<List<Object>> rows = query("SELECT order_id, ck, customer_id, order_date, revenue FROM orders"
                + " ORDER BY order_id");
        assertEquals(List.of("o1", cks.get("1").intValue(), "1", (int) LocalDate.of(2011, 12, 9).toEpochDay(), 10.5),
                rows.get(0));
        assertNull(rows.get(2).get(1));
        assertEquals("99", rows.get(2).get(2));
        assertNull(rows.get(3).get(1));
        // A replace keeps the orphans' partial index (building it again would read every row); kept up while
        // loading, it lists exactly the new orphans.
        try (Statement st = ws.connection().createStatement()) {
            st.execute("CREATE INDEX ix_orders_order_id ON orders(order_id)");
        }
        assertEquals(List.of("ix_orders_order_id"), Importer.indexesDroppedForLoading(ws.connection(), "orders"));
        run("orders", csv("o2.csv", "InvoiceNo,Cust,Date,Total\no5,1,2011-12-09 10:00,1\no6,77,2011-12-09 10:00,2\n"),
                ImportRequest.replace("orders").withMapping(Map.of(
                "InvoiceNo", "order_id", "Cust", "customer_id", "Date", "order_date", "Total", "revenue")));
        assertEquals(List.of(List.of("o6", "77")), query("SELECT order_id, customer_id FROM orders"
                + " INDEXED BY ix_orders_orphans WHERE ck IS NULL AND customer_id IS NOT NULL"));
    }

    @Test
    void rejectsGoToTheRejectsFileWithLineReasonAndText() throws Exception {
        Path orders = csv("o.csv", "order_id,customer_id,order_date,revenue,channel\n"
                + "o1,1,2011-12-09,10,web\n"
                + "o2,1,2011-13-09,10,web\n"
                + "o3,1,2011-12-09,ten,store\n"
                + "o4,1,,10,store\n"
                + "o5,1,2011-12-09,10\n"
                + "\"o6\nsecond line\",1,2011-12-09,1,app\n"
                + "o7,1,2011-12-09,1,app,extra\n"
                + "o8,1,2011-12-10,2,app\n");
        Path rejects = dir.resolve("out/rejects.csv");
        ImportSummary s = run("orders", orders, ImportRequest.replace("orders").withRejectsFile(rejects));
        assertEquals(3, s.rows());
        assertEquals(5, s.rejected());
        assertEquals(8, s.rows() + s.rejected(), "every data line is a row or a reject");
        assertEquals(rejects, s.rejectsFile());
        try (CSVParser p = CSVParser.parse(rejects, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            List<CSVRecord> r = p.getRecords();
            assertEquals(List.of("line", "reason", "text"), r.get(0).toList());
            assertEquals("3", r.get(1).get(0));
            assertTrue(r.get(1).get(1).startsWith("order_date: '2011-13-09' is not a date"), r.get(1).get(1));
            assertEquals("o2,1,2011-13-09,10,web", r.get(1).get(2));
            assertEquals("4", r.get(2).get(0));
            assertTrue(r.get(2).get(1).contains("'ten' is not a number"));
            assertEquals("5", r.get(3).get(0));
            assertTrue(r.get(3).get(1).contains("order_date is empty"));
            assertEquals("6", r.get(4).get(0));
            assertEquals("expected 5 fields, found 4", r.get(4).get(1));
            assertEquals("9", r.get(5).get(0), "the line number counts the quoted line break of line 7");
        }
        assertEquals(List.of(List.of("o1"), List.of("o6\nsecond line"), List.of("o8")),
                query("SELECT order_id FROM orders ORDER BY order_id"));
    }

    @Test
    void numbersThatOverflowAreRejectsAndEveryMetricStaysFinite() throws Exception {
        String huge = "9".repeat(400);
        Path orders = csv("o.csv", "order_id,customer_id,order_date,revenue\n"
                + "o1,1,2011-12-09,10\n"
                + "o2,1,2011-12-09,1e309\n"
                + "o3,1,2011-12-09,-1e309\n"
                + "o4,1,2011-12-09,1e300\n"
                + "o5,1,2011-12-09," + huge + "\n"
                + "o6,1,2011-12-10,999999999999999\n");
        Path rejects = dir.resolve("rejects.csv");
        ImportSummary s = run("orders", orders, ImportRequest.replace("orders")
                .withTypes(Map.of("revenue", ColumnType.DECIMAL)).withRejectsFile(rejects));
        assertEquals(2, s.rows());
        assertEquals(4, s.rejected());
        assertTrue(Files.readString(rejects).contains("'1e309' is too large"), Files.readString(rejects));
        for (List<Object> row : query("SELECT revenue FROM orders UNION ALL SELECT sum(revenue) FROM orders")) {
            assertTrue(Double.isFinite(((Number) row.get(0)).doubleValue()), row.toString());
        }
    }

    @Test
    void inferenceNeverCreatesRejects() throws Exception {
        Path file = csv("c.csv", "customer_id,code,when,amount\n"
                + "a,1,2011-01-01,1\nb,2,2011-01-02,2.5\nc,x7,soon,3\nd,,2011-01-04,\n");
        ImportSummary s = replace("customers", file);
        assertEquals(4, s.rows());
        assertEquals(0, s.rejected());
        assertEquals("text", s.columns().get("code").toString());
        assertEquals("text", s.columns().get("when").toString());
        assertEquals("decimal", s.columns().get("amount").toString());
    }

    @Test
    void typeOverridesApplyAndValuesThatFailThemAreRejects() throws Exception {
        Path file = csv("c.csv", "customer_id,zip,joined\na,0123,01/02/2011\nb,x1,03/04/2011\n");
        ImportSummary s = run("customers", file, ImportRequest.replace("customers")
                .withTypes(Map.of("zip", ColumnType.INTEGER, "joined", ColumnType.parse("date:MM/dd/yyyy"))));
        assertEquals(1, s.rows());
        assertEquals(1, s.rejected());
        assertEquals(List.of(List.of(123, (int) LocalDate.of(2011, 1, 2).toEpochDay())),
                query("SELECT zip, joined FROM customers"));
    }

    @Test
    void upsertOfOrderItemsReplacesAllLinesOfEachOrderInTheFile() throws Exception {
        replace("order_items", csv("i1.csv", "order_id,product_id,quantity\n1,a,1\n1,b,1\n2,c,1\n"));
        ImportSummary s = run("order_items", csv("i2.csv", "order_id,product_id,quantity\n1,x,2\n1,y,2\n3,z,1\n"),
                ImportRequest.replace("order_items").withMode(ImportMode.UPSERT).withKeys(List.of("order_id")));
        assertEquals(3, s.rows());
        assertEquals(List.of(List.of("1", "x"), List.of("1", "y"), List.of("2", "c"), List.of("3", "z")),
                query("SELECT order_id, product_id FROM order_items ORDER BY order_id, product_id"));
    }

    @Test
    void appendAddsRows() throws Exception {
        Path file = csv("e.csv", "customer_id,event_type,event_time\n1,page_view,2011-01-01T10:00:00\n");
        replace("events", file);
        ImportSummary s = run("events", file, ImportRequest.replace("events").withMode(ImportMode.APPEND));
        assertEquals(1, s.rows());
        assertEquals(2, ws.rowCount("events"));
        assertEquals(List.of(List.of(1293876000)), query("SELECT DISTINCT event_time FROM events"));
    }

    @Test
    void upsertWithoutKeyIsRefused() throws Exception {
        Path file = csv("o.csv", "order_id,order_date\n1,2011-01-01\n");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> run("orders", file,
                ImportRequest.replace("orders").withMode(ImportMode.UPSERT)));
        assertTrue(e.getMessage().contains("--key"), e.getMessage());
    }

    @Test
    void badMappingsAndUnknownTablesAreOneLineErrorsThatChangeNothing() throws Exception {
        Path file = csv("o.csv", "InvoiceNo,order_date\n1,2011-01-01\n");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> run("orders", file,
                ImportRequest.replace("orders").withMapping(Map.of("Invoice", "order_id"))));
        assertTrue(e.getMessage().contains("no column 'Invoice'"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> run("orders", file,
                ImportRequest.replace("orders").withMapping(Map.of("InvoiceNo", "order id!"))));
        assertTrue(e.getMessage().contains("not a field of orders"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> replace("scores", file));
        assertTrue(e.getMessage().startsWith("Unknown table 'scores'"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> run("orders", file,
                ImportRequest.replace("orders").withMapping(Map.of("order_date", ""))));
        assertTrue(e.getMessage().contains("orders.order_date"), e.getMessage());
        assertFalse(ws.catalog().field("orders.invoice_no").isPresent());
    }

    @Test
    void createTableMakesACustomerKeyedAttributeTable() throws Exception {
        replace("customers", csv("c.csv", "customer_id\n1\n2\n"));
        Path file = csv("s.csv", "CustomerID,churn_score\n1.0,0.25\n2,0.5\n3,0.75\n1,0.3\n");
        ImportSummary s = run("scores", file, ImportRequest.replace("scores").withCreateTable(true).withLastWins(true)
                .withMapping(Map.of("CustomerID", "customer_id")));
        assertEquals(4, s.rows());
        assertEquals(1, s.orphans());
        assertEquals(FieldType.DECIMAL, ws.catalog().field("scores.churn_score").get().type());
        assertEquals(List.of(List.of("1", 0.3), List.of("2", 0.5), List.of("3", 0.75)),
                query("SELECT customer_id, churn_score FROM scores ORDER BY customer_id"));
        ImportSummary again = replace("scores", csv("s2.csv", "customer_id,churn_score\n2,0.9\n"));
        assertEquals(1, again.rows());
        assertEquals(1, ws.rowCount("scores"));
    }

    @Test
    void cancelLeavesTheWorkspaceUnchanged() throws Exception {
        replace("customers", csv("c.csv", "customer_id,tier\na,gold\n"));
        StringBuilder sb = new StringBuilder("customer_id,tier,extra\n");
        for (int i = 0; i < 40_000; i++) {
            sb.append("x").append(i).append(",silver,").append(i).append('\n');
        }
        Path big = csv("big.csv", sb.toString());
        Path rejects = dir.resolve("r.csv");
        Cancellation cancel = new Cancellation();
        Progress cancelMidway = (done, total, message) -> {
            if (message.startsWith("Importing") && done > 0) {
                cancel.cancel();
            }
        };
        long version = ws.dataVersion();
        assertThrows(CancelledException.class, () -> Importer.importCsv(ws, big, null,
                ImportRequest.replace("customers").withRejectsFile(rejects), cancelMidway, cancel));
        assertEquals(List.of(List.of("a", "gold")), query("SELECT customer_id, tier FROM customers"));
        assertFalse(ws.catalog().field("customers.extra").isPresent());
        assertEquals(version, ws.dataVersion());
        assertFalse(Files.exists(rejects));
        assertTrue(ws.connection().getAutoCommit());
    }

    @Test
    void importsATableOfAnotherSqliteDatabase() throws Exception {
        Path db = dir.resolve("other.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE Client(Id INTEGER, Name TEXT, Since TEXT, Spend REAL)");
            st.execute("INSERT INTO Client VALUES(1, 'Ann', '2020-01-02', 10.5), (2, NULL, '2021-03-04', 3)");
        }
        ImportSummary s = Importer.importSqlite(ws, db, "client", ImportRequest.replace("customers")
                .withMapping(Map.of("Id", "customer_id")), Progress.NONE, Cancellation.none());
        assertEquals(2, s.rows());
        assertEquals("other.sqlite#client", s.source());
        assertEquals("date:yyyy-MM-dd", s.columns().get("since").toString());
        assertEquals(List.of(List.of("1", "Ann", 10.5), Arrays.asList("2", null, 3.0)),
                query("SELECT customer_id, name, spend FROM customers ORDER BY customer_id"));
    }
}
