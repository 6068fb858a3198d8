package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.persistence.testdata.RealData;

/** {@code segmint list} and {@code segmint import --flat} on the command line, including what they refuse. */
class ListAndFlatImportCommandTest {
    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String retailWorkspace() {
        Path ws = dir.resolve("retail.segmint");
        Path file = RealData.onlineRetail(dir.resolve("data"));
        CliRun run = CliRun.of("import", ws.toString(), "--flat", "--file", file.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = run.json();
        assertTrue(json.get("flat").asBoolean());
        assertEquals(30_000, json.get("lines").asLong());
        assertEquals(0, json.get("rejected").asLong());
        assertEquals(2_000, json.get("linesWithoutCustomer").asLong());
        assertEquals(3_569, json.get("tables").get("customers").asLong());
        assertEquals(12_392, json.get("tables").get("orders").asLong());
        assertEquals(30_000, json.get("tables").get("order_items").asLong());
        assertEquals("country", json.get("customerColumns").get(0).asText());
        assertEquals(4, json.get("conflicts").get("country").asLong());
        assertEquals("date:yyyy-MM-dd HH:mm:ss", json.get("columns").get("order_items.order_date").asText());
        assertEquals(3, json.get("derived").size());
        return ws.toString();
    }

    @Test
    void theRetailSampleImportsInOneStepAndAListOfItsCustomersUploads() throws Exception {
        String ws = retailWorkspace();
        Path ids = csv("vip.csv", "Name,CustomerID\nA,12923.0\nB,15594\nC,99999\nD,99999\nE,\n");
        CliRun upload = CliRun.of("list", ws, "upload", "VIP", "--file", ids.toString(), "--json");
        assertEquals(0, upload.code(), upload.err());
        JsonNode json = upload.json();
        assertEquals("VIP", json.get("list").asText());
        assertEquals("CustomerID", json.get("column").asText());
        assertEquals("customer_id", json.get("matchOn").asText());
        assertEquals(4, json.get("rows").asLong());
        assertEquals(3, json.get("values").asLong());
        assertEquals(2, json.get("customers").asLong());
        assertEquals(2, json.get("unmatchedRows").asLong());
        assertEquals("99999", json.get("unmatchedExamples").get(0).asText());

        Path segment = csv("in-vip.segment.json", "{\"format\": \"segmint/segment@1\", \"name\": \"In VIP\","
                + " \"definition\": {\"type\": \"list\", \"list\": \"VIP\"}}");
        assertEquals(0, CliRun.of("segment", ws, "save", segment.toString()).code());
        assertEquals(2, CliRun.of("count", ws, "--segment", "In VIP", "--json").json().get("customers").asLong());

        JsonNode lists = CliRun.of("list", ws, "list", "--json").json().get("lists");
        assertEquals(1, lists.size());
        assertEquals(2, lists.get(0).get("customers").asLong());
        assertEquals("In VIP", lists.get(0).get("usedIn").get(0).get("name").asText());

        CliRun refused = CliRun.of("list", ws, "delete", "VIP");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("List 'VIP' is used in segment 'In VIP'"), refused.err());
        CliRun text = CliRun.of("list", ws, "upload", "VIP", "--file", ids.toString(), "--replace");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("2 rows (1 values) match no customer, e.g. 99999"), text.out());
        CliRun forced = CliRun.of("list", ws, "delete", "VIP", "--force", "--json");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("VIP", forced.json().get("deleted").asText());
    }

    @Test
    void badListInputIsOneLineAndExitTwoAndChangesNothing() throws Exception {
        Path ws = dir.resolve("w.segmint");
        Path ids = csv("ids.csv", "id,email\nC1,a@x.com\n");
        assertEquals(0, CliRun.of("import", ws.toString(), "--table", "customers", "--file", csv("c.csv",
                "customer_id\nC1\n").toString()).code());
        assertEquals(0, CliRun.of("list", ws.toString(), "upload", "L", "--file", ids.toString()).code());
        byte[] before = Files.readAllBytes(ws);
        String[][] cases = {
                {"list", ws.toString(), "upload", "L", "--file", ids.toString()},
                {"list", ws.toString(), "upload", "M", "--file", dir.resolve("missing.csv").toString()},
                {"list", ws.toString(), "upload", "M", "--file", ids.toString(), "--column", "phone"},
                {"list", ws.toString(), "upload", "M", "--file", ids.toString(), "--match", "phone"},
                {"list", ws.toString(), "upload", "M", "--file", ids.toString(), "--column", "email"},
                {"list", ws.toString(), "upload", "M"},
                {"list", ws.toString(), "upload", "Two\nlines", "--file", ids.toString()},
                {"list", ws.toString(), "upload", "M", "--file", csv("empty.csv", "").toString()},
                {"list", ws.toString(), "delete", "Nope"},
                {"list", ws.toString(), "rename", "L"},
                {"list", dir.resolve("nope.segmint").toString(), "list"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.code(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(ws)), "nothing changed");
        assertFalse(Files.exists(dir.resolve("nope.segmint")));
    }

    @Test
    void badFlatImportsAreOneLineAndExitTwo() throws Exception {
        Path ws = dir.resolve("f.segmint");
        Path customers = csv("customers.csv", "customer_id,country\nC1,DE\n");
        Path lines = csv("lines.csv", "Invoice,SKU,Qty,Customer\nI1,P1,2,C1\n");
        String[][] cases = {
                {"import", ws.toString(), "--file", lines.toString()},
                {"import", ws.toString(), "--flat", "--table", "orders", "--file", lines.toString()},
                {"import", ws.toString(), "--flat", "--file", customers.toString()},
                {"import", ws.toString(), "--flat", "--file", lines.toString(), "--mode", "append"},
                {"import", ws.toString(), "--flat", "--file", lines.toString(), "--map", "SKU=orders.sku"},
                {"import", ws.toString(), "--flat", "--file", lines.toString(), "--map", "Nope=x"},
                {"import", ws.toString(), "--flat", "--file", lines.toString(), "--key", "order_id"},
                {"import", ws.toString(), "--flat", "--file", ws.toString()},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.code(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        assertFalse(Files.exists(ws), "a failed first import leaves no workspace");
        CliRun ok = CliRun.of("import", ws.toString(), "--flat", "--file", lines.toString(), "--map",
                "SKU=product_code");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("1 customers, 1 orders, 1 order items"), ok.out());
        assertTrue(ok.out().contains("new columns: order_items.product_code"), ok.out());
    }
}
