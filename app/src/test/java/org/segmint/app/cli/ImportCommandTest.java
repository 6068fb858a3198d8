package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.Workspace;

class ImportCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void importsWithMappingIntoANewWorkspaceAndPrintsOneJsonDocument() throws Exception {
        Path ws = dir.resolve("new.segmint");
        Path file = csv("o.csv", "InvoiceNo;CustomerID;InvoiceDate;Total\nA1;12923.0;06/10/2011 16:20;3.5\n"
                + "A2;;25/10/2011 9:05;bad\n");
        Result r = run("import", ws.toString(), "--table", "orders", "--file", file.toString(), "--map",
                "InvoiceNo=order_id", "--map", "CustomerID=customer_id", "--map", "InvoiceDate=order_date",
                "--map", "Total=revenue", "--rejects", dir.resolve("rej.csv").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("orders", json.get("table").asText());
        assertEquals(1, json.get("rows").asLong());
        assertEquals(1, json.get("rejected").asLong());
        assertEquals(1, json.get("orphans").asLong());
        assertEquals("semicolon", json.get("settings").get("delimiter").asText());
        assertEquals("date:dd/MM/yyyy HH:mm:ss", json.get("columns").get("order_date").asText());
        assertTrue(Files.readString(dir.resolve("rej.csv")).contains("'bad' is not a number"));
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(1, w.rowCount("orders"));
        }
    }

    @Test
    void aMissingFileExitsTwoWithOneLineAndCreatesNothing() {
        Path ws = dir.resolve("x.segmint");
        Result r = run("import", ws.toString(), "--table", "orders", "--file", dir.resolve("nope.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertFalse(Files.exists(ws));
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path ws = dir.resolve("x.segmint");
        Path file = csv("c.csv", "id,name\n1,Ann\n");
        String[][] cases = {
            {"--table", "nonsense"},
            {"--table", "customers", "--map", "ID=customer_id"},
            {"--table", "customers", "--map", "id=customer id"},
            {"--table", "customers", "--map", "id=customer_id", "--type", "name=money"},
            {"--table", "customers", "--map", "id=customer_id", "--mode", "merge"},
            {"--table", "orders", "--map", "id=order_id"},
            {"--table", "customers", "--map", "id=customer_id", "--encoding", "ebcdic"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 4];
            args[0] = "import";
            args[1] = ws.toString();
            args[2] = "--file";
            args[3] = file.toString();
            System.arraycopy(c, 0, args, 4, c.length);
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(ws), "a failed import does not leave a new workspace behind");
        }
    }

    @Test
    void importsFromAnotherSqliteDatabaseAndPrintsText() throws Exception {
        Path db = dir.resolve("src.sqlite");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE People(CustomerId INTEGER, Country TEXT)");
            st.execute("INSERT INTO People VALUES(1, 'NO'), (2, 'SE')");
        }
        Path ws = dir.resolve("w.segmint");
        Result r = run("import", ws.toString(), "--table", "customers", "--from-sqlite", db.toString(),
                "--source-table", "People", "--map", "CustomerId=customer_id");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Imported 2 rows into customers"), r.out());
        Result missing = run("import", ws.toString(), "--table", "customers", "--from-sqlite", db.toString(),
                "--source-table", "Nobody");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no table named 'Nobody'"), missing.err());
    }

    @Test
    void importsTheRealOnlineRetailFileWithItsRawHeadersMapped() throws Exception {
        Path file = RealData.onlineRetail(dir.resolve("data"));
        Path ws = dir.resolve("retail.segmint");
        Result customers = run("import", ws.toString(), "--table", "customers", "--file", file.toString(),
                "--map", "CustomerID=customer_id", "--map", "InvoiceNo=", "--map", "StockCode=", "--map",
                "Description=", "--map", "Quantity=", "--map", "InvoiceDate=", "--map", "UnitPrice=", "--json");
        assertEquals(0, customers.code(), customers.err());
        JsonNode c = new ObjectMapper().readTree(customers.out());
        assertEquals(30_000, c.get("rows").asLong() + c.get("rejected").asLong());
        Result items = run("import", ws.toString(), "--table", "order_items", "--file", file.toString(),
                "--map", "InvoiceNo=order_id", "--map", "StockCode=product_id", "--map", "Quantity=quantity",
                "--map", "UnitPrice=unit_price", "--map", "CustomerID=customer_id", "--map", "InvoiceDate=order_date",
                "--json");
        assertEquals(0, items.code(), items.err());
        JsonNode json = new ObjectMapper().readTree(items.out());
        assertEquals("order_items", json.get("table").asText());
        assertEquals(30_000, json.get("rows").asLong());
        assertEquals(0, json.get("rejected").asLong());
        assertEquals(2_000, json.get("orphans").asLong());
        try (Workspace w = Workspace.open(ws)) {
            assertEquals(3_569, w.rowCount("customers"));
            assertEquals(30_000, w.rowCount("order_items"));
        }
    }
}
