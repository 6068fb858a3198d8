package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.Workspace;

/** End to end with the real data sets of the test resources: Chinook (exported to CSV here) and Online Retail. */
class RealDataImportTest {
    @TempDir
    Path dir;


    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static ImportSummary run(Workspace ws, Path file, ImportRequest request) {
        return Importer.importCsv(ws, file, null, request, Progress.NONE, Cancellation.none());
    }

    private static Path export(Connection c, String sql, Path file) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql);
             Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            ResultSetMetaData md = rs.getMetaData();
            Object[] header = new Object[md.getColumnCount()];
            for (int i = 0; i < header.length; i++) {
                header[i] = md.getColumnLabel(i + 1);
            }
            out.printRecord(header);
            while (rs.next()) {
                Object[] row = new Object[header.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.printRecord(row);
            }
        }
        return file;
    }

    private static double scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.getDouble(1);
        }
    }

    @Test
    void chinookCustomersInvoicesAndLinesImportThroughCsvWithMapping() throws Exception {
        Path db = RealData.chinook(dir.resolve("data"));
        Path customers;
        Path invoices;
        Path lines;
        double chinookRevenue;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            customers = export(c, "SELECT * FROM Customer", dir.resolve("Customer.csv"));
            invoices = export(c, "SELECT * FROM Invoice", dir.resolve("Invoice.csv"));
            lines = export(c, "SELECT l.*, g.Name AS Genre FROM InvoiceLine l JOIN Track t ON t.TrackId = l.TrackId"
                    + " JOIN Genre g ON g.GenreId = t.GenreId", dir.resolve("InvoiceLine.csv"));
            chinookRevenue = scalar(c, "SELECT sum(Total) FROM Invoice");
        }
        try (Workspace ws = Workspace.create(dir.resolve("chinook.segmint"))) {
            ImportSummary c = run(ws, customers, ImportRequest.replace("customers")
                    .withMapping(map("CustomerId", "customer_id")));
            ImportSummary o = run(ws, invoices, ImportRequest.replace("orders").withMapping(map("InvoiceId", "order_id",
                    "CustomerId", "customer_id", "InvoiceDate", "order_date", "Total", "revenue")));
            ImportSummary i = run(ws, lines, ImportRequest.replace("order_items").withMapping(map(
                    "InvoiceId", "order_id", "TrackId", "product_id", "UnitPrice", "unit_price",
                    "Quantity", "quantity", "Genre", "category")));
            assertEquals(59, c.rows());
            assertEquals(412, o.rows());
            assertEquals(2240, i.rows());
            assertEquals(0, c.rejected() + o.rejected() + i.rejected());
            assertEquals(0, o.orphans());
            assertEquals(0, i.orphans(), "lines without customer ids take their order's customer");
            assertEquals(59, ws.rowCount("customers"));
            assertEquals(412, ws.rowCount("orders"));
            assertEquals(2240, ws.rowCount("order_items"));
            assertEquals(FieldType.TEXT, ws.catalog().field("order_items.category").get().type());
            assertEquals(FieldType.TEXT, ws.catalog().field("customers.email").get().type());
            assertEquals(FieldType.INTEGER, ws.catalog().field("customers.support_rep_id").get().type());
            Connection w = ws.connection();
            assertEquals(chinookRevenue, scalar(w, "SELECT sum(revenue) FROM orders"), 0.001);
            assertEquals(2240, scalar(w, "SELECT count(ck) FROM order_items"), "items are linked through their order");
            assertEquals(chinookRevenue, scalar(w, "SELECT sum(revenue) FROM order_items"), 0.001);
            assertEquals(3.0, scalar(w, "SELECT count(DISTINCT category) FROM order_items WHERE category IN"
                    + " ('Rock', 'Jazz', 'Metal')"));
        }
    }

    @Test
    void onlineRetailLinesImportWithRawHeadersMappedAndOrphansCounted() throws Exception {
        Path file = RealData.onlineRetail(dir.resolve("data"));
        try (Workspace ws = Workspace.create(dir.resolve("retail.segmint"))) {
            // customers are the distinct CustomerIDs with their country (one line per order line, so the last line
            // of each customer wins); lines without one are rejects here
            ImportSummary c = run(ws, file, ImportRequest.replace("customers").withLastWins(true).withMapping(map(
                    "CustomerID", "customer_id", "InvoiceNo", "", "StockCode", "", "Description", "",
                    "Quantity", "", "InvoiceDate", "", "UnitPrice", "")));
            assertEquals(30_000, c.rows() + c.rejected());
            assertEquals(2_000, c.rejected());
            assertEquals(3_569, ws.rowCount("customers"));
            ImportSummary s = run(ws, file, ImportRequest.replace("order_items").withMapping(map(
                    "InvoiceNo", "order_id", "StockCode", "product_id", "Quantity", "quantity",
                    "UnitPrice", "unit_price", "CustomerID", "customer_id", "InvoiceDate", "order_date")));
            assertEquals(30_000, s.rows());
            assertEquals(0, s.rejected());
            assertEquals(2_000, s.orphans(), "the lines without a CustomerID are kept as orphans");
            assertEquals(30_000, ws.rowCount("order_items"));
            Connection w = ws.connection();
            assertEquals(28_000, scalar(w, "SELECT count(ck) FROM order_items"));
            assertEquals(3_569.0, scalar(w, "SELECT count(DISTINCT ck) FROM order_items"),
                    "ids written 12923.0 link to the same customers");
            assertEquals(0.0, scalar(w, "SELECT count(*) FROM order_items WHERE customer_id LIKE '%.0'"));
            assertEquals(620.0, scalar(w, "SELECT count(*) FROM order_items WHERE order_id LIKE 'C%'"),
                    "cancellations keep their order ids as text");
            assertEquals(scalar(w, "SELECT count(DISTINCT order_id) FROM order_items"),
                    scalar(w, "SELECT count(*) FROM orders"), "orders are derived from the lines");
        }
    }
}
