package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * One flat export of order lines fills customers, orders and order items in one step. The numbers of the retail
 * sample were counted independently of Segmint from the CSV (30,000 lines; 3,569 distinct CustomerIDs once
 * {@code 12923.0} reads {@code 12923}; 2,000 lines without one; 12,392 distinct InvoiceNos, 665 of them without a
 * customer on any line; four customers with two countries; sum of Quantity × UnitPrice 575,574.67) and by hand for
 * customer 12923 (invoice 569901: 2 × 4.15 + 1 × 1.65 = 9.95).
 */
class FlatImportTest {
    @TempDir
    Path dir;

    private static double scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getDouble(1);
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getString(1);
        }
    }

    @Test
    void theRetailSampleIsRecognisedAsOrderLinesWithCountryPerCustomer() {
        Path file = RealData.onlineRetail(dir.resolve("data"));
        FlatShape shape = FlatShape.ofCsv(file, CsvDetector.detect(file), new Catalog(List.of()));
        assertTrue(shape.orderLines());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("InvoiceNo", "order_items.order_id");
        expected.put("StockCode", "order_items.product_id");
        expected.put("Description", "order_items.description");
        expected.put("Quantity", "order_items.quantity");
        expected.put("InvoiceDate", "order_items.order_date");
        expected.put("UnitPrice", "order_items.unit_price");
        expected.put("CustomerID", "customer_id");
        expected.put("Country", "customers.country");
        assertEquals(expected, shape.destinations());
        assertEquals(Catalog.ORDER_ITEMS, TableGuess.forColumns(shape.columns()));
    }

    @Test
    void theRetailSampleFillsCustomersOrdersAndItemsInOneStep() throws Exception {
        Path file = RealData.onlineRetail(dir.resolve("data"));
        FlatShape shape = FlatShape.ofCsv(file, CsvDetector.detect(file), new Catalog(List.of()));
        try (Workspace ws = Workspace.create(dir.resolve("retail.segmint"))) {
            FlatImportSummary s = FlatImport.importCsv(ws, file, null, new FlatRequest(ImportMode.REPLACE,
                    shape.destinations(), Map.of(), null), Progress.NONE, Cancellation.none());
            assertEquals(30_000, s.lines());
            assertEquals(0, s.rejected());
            assertEquals(3_569, s.customers());
            assertEquals(12_392, s.orders());
            assertEquals(2_000, s.linesWithoutCustomer());
            assertEquals(List.of("country"), s.customerColumns());
            assertEquals(Map.of("country", 4L), s.conflicts());
            assertEquals(List.of("order_items.description", "customers.country"), s.columnsAdded());
            assertEquals(Map.of("customers", 3_569L, "orders", 12_392L, "order_items", 30_000L), s.tables());
            assertTrue(s.derived().get(0).contains("4 customers have more than one country"), s.derived().get(0));

            assertEquals(3_569, ws.rowCount("customers"));
            assertEquals(12_392, ws.rowCount("orders"));
            assertEquals(30_000, ws.rowCount("order_items"));
            assertEquals(FieldType.TEXT, ws.catalog().field("customers.country").orElseThrow().type());
            assertTrue(ws.catalog().field("order_items.country").isEmpty(), "country is a customer attribute only");
            Connection c = ws.connection();
            assertEquals(575_574.67, scalar(c, "SELECT sum(revenue) FROM orders"), 0.005);
            assertEquals(575_574.67, scalar(c, "SELECT sum(revenue) FROM order_items"), 0.005);
            assertEquals(665, scalar(c, "SELECT count(*) FROM orders WHERE ck IS NULL"));
            assertEquals(2_000, scalar(c, "SELECT count(*) FROM order_items WHERE ck IS NULL"));
            assertEquals(523, scalar(c, "SELECT count(*) FROM orders WHERE order_id LIKE 'C%'"), "cancellations");
            assertEquals("United Kingdom", text(c, "SELECT country FROM customers WHERE customer_id = '12923'"));
            assertEquals("Australia", text(c, "SELECT country FROM customers WHERE customer_id = '12422'"),
                    "the last line's value wins: Switzerland three times, then Australia three times");
            assertEquals(1, scalar(c, "SELECT m.orders FROM metrics m JOIN customers cu ON cu.ck = m.ck"
                    + " WHERE cu.customer_id = '12923'"));
            assertEquals(9.95, scalar(c, "SELECT m.revenue FROM metrics m JOIN customers cu ON cu.ck = m.ck"
                    + " WHERE cu.customer_id = '12923'"), 1e-9);
            assertEquals(LocalDate.of(2011, 10, 6).toEpochDay(), scalar(c, "SELECT order_date FROM orders"
                    + " WHERE order_id = '569901'"));

            try (SegmentEngine engine = new SegmentEngine(ws, name -> Optional.empty())) {
                assertEquals(3_206, engine.members(AttributeCondition.of("customers.country", Operator.EQ,
                        "United Kingdom"), ws.asOf(), Cancellation.none()).getLongCardinality());
            }
        }
    }

    @Test
    void upsertReplacesTheOrdersOfTheFileAndKeepsTheOthers() throws Exception {
        Path first = dir.resolve("first.csv");
        Files.writeString(first, """
                Order number,SKU,Qty,Price,Date,Customer ID,Email,Tier
                A1,P1,2,5.00,2025-01-10,c1,c1@x.com,gold
                A1,P2,1,3.50,2025-01-10,c1,c1@x.com,gold
                A2,P1,1,5.00,2025-02-01,c2,c2@x.com,silver
                A3,P3,4,1.25,2025-02-03,,,
                """);
        Path second = dir.resolve("second.csv");
        Files.writeString(second, """
                Order number,SKU,Qty,Price,Date,Customer ID,Email,Tier
                A2,P9,3,2.00,2025-02-01,c2,c2@x.com,gold
                B1,P1,1,5.00,2025-03-01,c3,c3@x.com,
                """);
        try (Workspace ws = Workspace.create(dir.resolve("u.segmint"))) {
            FlatShape shape = FlatShape.ofCsv(first, CsvDetector.detect(first), ws.catalog());
            assertEquals("customers.email", shape.destinations().get("Email"));
            assertEquals("customers.tier", shape.destinations().get("Tier"));
            assertEquals("order_items.unit_price", shape.destinations().get("Price"));
            FlatImportSummary one = FlatImport.importCsv(ws, first, null, new FlatRequest(ImportMode.REPLACE,
                    shape.destinations(), Map.of(), null), Progress.NONE, Cancellation.none());
            assertEquals(2, one.customers());
            assertEquals(3, one.orders());
            assertEquals(1, one.linesWithoutCustomer());
            FlatImportSummary two = FlatImport.importCsv(ws, second, null, new FlatRequest(ImportMode.UPSERT,
                    FlatShape.ofCsv(second, CsvDetector.detect(second), ws.catalog()).destinations(), Map.of(), null),
                    Progress.NONE, Cancellation.none());
            assertEquals(2, two.orders());
            assertEquals(2, two.customers());
            assertEquals(0, two.linesWithoutCustomer());
            Connection c = ws.connection();
            assertEquals(3, ws.rowCount("customers"));
            assertEquals(4, ws.rowCount("orders"), "A1, A2 (replaced), A3, B1");
            assertEquals(5, ws.rowCount("order_items"), "A1's two lines, A2's new line, A3, B1");
            assertEquals(6.0, scalar(c, "SELECT revenue FROM orders WHERE order_id = 'A2'"));
            assertEquals(13.5, scalar(c, "SELECT revenue FROM orders WHERE order_id = 'A1'"));
            assertEquals("gold", text(c, "SELECT tier FROM customers WHERE customer_id = 'c2'"));
            assertEquals("gold", text(c, "SELECT tier FROM customers WHERE customer_id = 'c1'"), "c1 is kept");
            assertEquals(1, scalar(c, "SELECT count(*) FROM order_items WHERE ck IS NULL"), "A3 has no customer");
        }
    }

    @Test
    void aFailingOneStepImportChangesNothing() throws Exception {
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, "Invoice,Product,Quantity,Customer\nI1,P1,2,c1\n");
        try (Workspace ws = Workspace.create(dir.resolve("f.segmint"))) {
            FlatShape shape = FlatShape.ofCsv(file, CsvDetector.detect(file), new Catalog(List.of()));
            assertTrue(shape.orderLines());
            FlatImport.importCsv(ws, file, null, new FlatRequest(ImportMode.REPLACE, shape.destinations(), Map.of(),
                    null), Progress.NONE, Cancellation.none());
            Cancellation cancelled = new Cancellation();
            cancelled.cancel();
            Path bigger = dir.resolve("bigger.csv");
            StringBuilder b = new StringBuilder("Invoice,Product,Quantity,Customer\n");
            for (int i = 0; i < 50_000; i++) {
                b.append("J").append(i).append(",P,1,d").append(i % 100).append('\n');
            }
            Files.writeString(bigger, b);
            assertThrows(RuntimeException.class, () -> FlatImport.importCsv(ws, bigger, null,
                    new FlatRequest(ImportMode.REPLACE, shape.destinations(), Map.of(), null), Progress.NONE,
                    cancelled));
            assertEquals(1, ws.rowCount("customers"));
            assertEquals(1, ws.rowCount("orders"));
            assertEquals(1, ws.rowCount("order_items"));
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> FlatImport.importCsv(ws, file, null,
                    new FlatRequest(ImportMode.APPEND, shape.destinations(), Map.of(), null), Progress.NONE,
                    Cancellation.none()));
            assertTrue(e.getMessage().contains("replaces or updates"), e.getMessage());
            Map<String, String> noOrder = new LinkedHashMap<>(shape.destinations());
            noOrder.put("Invoice", "");
            e = assertThrows(WorkspaceException.class, () -> FlatImport.importCsv(ws, file, null,
                    new FlatRequest(ImportMode.REPLACE, noOrder, Map.of(), null), Progress.NONE, Cancellation.none()));
            assertTrue(e.getMessage().endsWith("needs a column for order_id: map one of the source's columns to it"
                    + " (--map SOURCE=order_id)"),
                    e.getMessage());
            e = assertThrows(WorkspaceException.class, () -> FlatImport.importCsv(ws, file, null,
                    new FlatRequest(ImportMode.REPLACE, shape.withChanges(Map.of("Product", "orders.product")),
                            Map.of(), null), Progress.NONE, Cancellation.none()));
            assertTrue(e.getMessage().contains("orders are derived"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("f.segmint-journal")));
        }
    }

    @Test
    void synonymsNameTheStandardColumnsOfEachTable() {
        assertEquals(List.of("order_id", "product_id", "quantity", "unit_price", "order_date", "customer_id",
                "description"), ImportPlan.suggestTargets(Catalog.ORDER_ITEMS, List.of("Invoice No.", "SKU", "Qty",
                "Price", "Date", "Client ID", "Description")));
        assertEquals(List.of("order_id", "order_date", "revenue", "customer_id"), ImportPlan.suggestTargets(
                Catalog.ORDERS, List.of("InvoiceNo", "InvoiceDate", "Total", "CustomerID")));
        assertEquals(List.of("event_type", "event_time", "customer_id"), ImportPlan.suggestTargets(Catalog.EVENTS,
                List.of("Event", "Timestamp", "user id")));
        assertEquals(List.of("customer_id", "email", "date"), ImportPlan.suggestTargets(Catalog.CUSTOMERS,
                List.of("Customer Number", "E-mail", "Date")));
        assertEquals(List.of("quantity", "qty"), ImportPlan.suggestTargets(Catalog.ORDER_ITEMS,
                List.of("Quantity", "Qty")), "a column with the very name wins over a synonym");
        assertEquals(Catalog.ORDERS, TableGuess.forColumns(List.of("Order number", "Order date", "Customer")));
        assertEquals(Catalog.EVENTS, TableGuess.forColumns(List.of("user id", "event name", "timestamp")));
        assertEquals(Catalog.CUSTOMERS, TableGuess.forColumns(List.of("id", "email", "type")));
    }
}
