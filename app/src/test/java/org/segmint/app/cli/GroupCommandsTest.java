package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group commands of FORMATS §4 on a workspace of eight customers imported through the command line, with
 * answers worked out by hand from the files below.
 */
class GroupCommandsTest {
    static final String CUSTOMERS = """
            customer_id,email,tier
            C1,c1@x.com,gold
            C2,c2@x.com,gold
            C3,c3@x.com,silver
            C4,c4@x.com,silver
            C5,c5@x.com,bronze
            C6,c6@x.com,bronze
            C7,,gold
            C8,c8@x.com,silver
            """;
    /** Bought in the 30 days up to 2025-01-31: C1, C2. Up to 2025-03-31: C1, C4, C5. */
    static final String ORDERS = """
            order_id,customer_id,order_date,revenue
            O1,C1,2025-01-10,10
            O2,C2,2025-01-20,20
            O3,C3,2025-02-25,30
            O4,C4,2025-03-10,40
            O5,C5,2025-03-25,50
            O6,C1,2025-03-30,60
            """;
    static final String RECENT = """
            {"format": "segmint/segment@1", "name": "Recent", "definition": {"type": "purchase",
             "window": {"last": 30, "unit": "days"}}}
            """;
    static final String GOLD = """
            {"format": "segmint/segment@1", "name": "Gold", "definition": {"type": "attribute",
             "field": "customers.tier", "op": "eq", "value": "gold"}}
            """;

    @TempDir
    Path dir;
    String ws;

    @BeforeEach
    void workspace() throws Exception {
        ws = dir.resolve("g.segmint").toString();
        ok("import", ws, "--table", "customers", "--file", file("customers.csv", CUSTOMERS));
        ok("import", ws, "--table", "orders", "--file", file("orders.csv", ORDERS));
        ok("segment", ws, "save", file("recent.segment.json", RECENT));
        ok("segment", ws, "save", file("gold.segment.json", GOLD));
    }

    String file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    static JsonNode ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), () -> String.join(" ", args) + ": " + run.err());
        return args[args.length - 1].equals("--json") ? run.json() : null;
    }

    static String refused(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.code(), () -> String.join(" ", args) + ": " + run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        return run.err().strip();
    }

    static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void smartGroupRecalculatedBetweenTwoDatesRecordsJoinedAndLeft() {
        JsonNode created = ok("group", ws, "create", "Buyers", "--smart", "--segment", "Recent", "--schedule",
                "weekly:MON", "--as-of", "2025-01-31", "--json");
        JsonNode g = created.get("groups").get(0);
        assertEquals("Buyers", g.get("name").asText());
        assertEquals("smart", g.get("kind").asText());
        assertEquals(2, g.get("customers").asLong());
        JsonNode recalc = ok("recalc", ws, "--group", "Buyers", "--as-of", "2025-03-31", "--json");
        JsonNode r = recalc.get("groups").get(0);
        assertEquals(List.of("Buyers", "3", "2", "1"), List.of(r.get("name").asText(), r.get("total").asText(),
                r.get("joined").asText(), r.get("left").asText()));
        JsonNode history = ok("group", ws, "history", "Buyers", "--json");
        assertEquals("Buyers", history.get("group").asText());
        JsonNode h = history.get("history");
        assertEquals(2, h.size());
        assertEquals("2025-03-31", h.get(0).get("asOf").asText());
        assertEquals(List.of(3L, 2L, 1L), List.of(h.get(0).get("total").asLong(), h.get(0).get("joined").asLong(),
                h.get(0).get("left").asLong()));
        assertEquals(List.of(2L, 2L, 0L), List.of(h.get(1).get("total").asLong(), h.get(1).get("joined").asLong(),
                h.get(1).get("left").asLong()));
        assertTrue(h.get(0).has("at"));
        assertEquals(0, ok("recalc", ws, "--due", "--json").get("groups").size(), "ran just now: not due");
        assertEquals(3, ok("count", ws, "--group", "Buyers", "--json").get("customers").asLong());
        JsonNode show = ok("group", ws, "show", "Buyers", "--json");
        assertEquals("weekly:MON", show.get("groups").get(0).get("schedule").asText());
        assertEquals("2025-03-31", show.get("lastRecalculation").get("asOf").asText());
        // the segment goes: the group keeps its members and says why
        ok("segment", ws, "delete", "Recent", "--force");
        JsonNode failed = ok("recalc", ws, "--all", "--json").get("groups").get(0);
        assertEquals(3, failed.get("total").asLong());
        assertTrue(failed.get("error").asText().contains("Recent"), failed.toString());
        assertEquals(3, ok("count", ws, "--group", "Buyers", "--json").get("customers").asLong());
    }

    @Test
    void staticGroupsAddRemoveCombineSplitAndCluster() throws Exception {
        JsonNode created = ok("group", ws, "create", "A", "B", "C", "--folder", "Spring", "--json");
        assertEquals(List.of("A", "B", "C"), names(created.get("groups"), "name"));
        assertEquals(List.of("static", "static", "static"), names(created.get("groups"), "kind"));
        assertEquals(List.of("0", "0", "0"), names(created.get("groups"), "customers"));
        assertEdit(ok("group", ws, "add", "A", "--segment", "Gold", "--json"), "A", 3, "added", 3, 0);
        String ids = file("ids.csv", "customer_id\nC1\nC3\nX9\nc3\nC1\n");
        assertEdit(ok("group", ws, "add", "B", "--ids", ids, "--json"), "B", 2, "added", 2, 2);
        String emails = file("emails.csv", "name,mail\nD,c4@x.com\nE,c5@x.com\nF,nobody@x.com\n");
        assertEdit(ok("group", ws, "add", "C", "--ids", emails, "--column", "mail", "--json"), "C", 2, "added", 2, 1);
        String drop = file("drop.csv", "C2\nC9\n");
        assertEdit(ok("group", ws, "remove", "A", "--ids", drop, "--match", "customer_id", "--json"), "A", 2,
                "removed", 1, 1);
        JsonNode count = ok("count", ws, "--group", "A", "--json");
        assertEquals("A", count.get("group").asText());
        assertEquals(2, count.get("customers").asLong());
        // A = C1, C7; B = C1, C3; C = C4, C5
        assertCombine(ok("group", ws, "combine", "union", "A", "B", "--into", "U", "--json"), "U", 3);
        assertCombine(ok("group", ws, "combine", "intersection", "A", "B", "--into", "I", "--json"), "I", 1);
        assertCombine(ok("group", ws, "combine", "difference", "A", "B", "--into", "D", "--json"), "D", 1);
        assertCombine(ok("group", ws, "combine", "difference", "U", "--segment", "Gold", "--into", "UG", "--json"),
                "UG", 1);
        JsonNode split = ok("group", ws, "split", "U", "--into", "P,Q", "--seed", "5", "--json");
        assertEquals(List.of("P", "Q"), names(split.get("groups"), "name"));
        assertEquals(List.of("2", "1"), names(split.get("groups"), "customers"));
        Path p1 = dir.resolve("p1.csv");
        ok("group", ws, "members", "P", "--out", p1.toString());
        assertEquals("{\"undone\": \"split 'U' into P, Q\"}".length() > 0, ok("group", ws, "undo", "--json")
                .get("undone").asText().startsWith("split 'U'"));
        ok("group", ws, "split", "U", "--into", "P,Q", "--seed", "5");
        Path p2 = dir.resolve("p2.csv");
        assertEquals(2, ok("group", ws, "members", "P", "--out", p2.toString(), "--json").get("rows").asLong());
        assertEquals(Files.readAllLines(p1), Files.readAllLines(p2), "same seed, same members: same split");
        JsonNode percent = ok("group", ws, "split", "U", "--into", "X,Y,Z", "--percent", "50,30,20", "--seed", "1",
                "--json");
        // shares 1.5, 0.9 and 0.6: one each by largest remainder
        assertEquals(List.of("1", "1", "1"), names(percent.get("groups"), "customers"));

        String cluster = file("send.cluster.json", "{\"format\": \"segmint/cluster@1\", \"name\": \"Send\","
                + " \"groups\": [\"B\", \"A\", \"C\"]}");
        Path export = dir.resolve("send.csv");
        JsonNode c = ok("cluster", ws, "--file", cluster, "--save", "--export", export.toString(), "--json");
        assertEquals("Send", c.get("cluster").asText());
        assertEquals(List.of("B", "A", "C"), names(c.get("groups"), "name"));
        assertEquals(List.of("2", "2", "2"), names(c.get("groups"), "customers"));
        assertEquals(List.of("2", "1", "2"), names(c.get("groups"), "assigned"));
        assertEquals(5, c.get("total").asLong());
        assertEquals(List.of("customer_id,group", "C1,B", "C3,B", "C4,C", "C5,C", "C7,A"),
                Files.readAllLines(export));
        assertEquals(5, ok("cluster", ws, "--cluster", "Send", "--json").get("total").asLong());
        assertTrue(refused("group", ws, "delete", "A").contains("cluster 'Send'"));
        assertEquals("A", ok("group", ws, "delete", "A", "--force", "--json").get("deleted").asText());
        assertTrue(refused("cluster", ws, "--cluster", "Send").contains("unknown group 'A'"));
    }

    @Test
    void batchOperationsReportWhatTheyChangedAndUndo() throws Exception {
        ok("group", ws, "create", "G");
        ok("group", ws, "add", "G", "--segment", "Gold");
        JsonNode set = ok("group", ws, "set", "G", "--attribute", "tier=platinum", "--json");
        assertEquals("attribute", set.get("operation").asText());
        assertEquals(3, set.get("customers").asLong());
        assertEquals(3, set.get("changed").asLong());
        assertEquals(0, ok("group", ws, "set", "G", "--attribute", "tier=platinum", "--json").get("changed").asLong());
        assertEquals(3, ok("group", ws, "set", "G", "--tag-add", "vip", "--json").get("changed").asLong());
        String vip = file("vip.segment.json", "{\"format\": \"segmint/segment@1\", \"name\": \"VIP\", \"definition\":"
                + " {\"type\": \"attribute\", \"field\": \"tags.tag\", \"op\": \"eq\", \"value\": \"vip\"}}");
        assertEquals(3, ok("count", ws, "--file", vip, "--json").get("customers").asLong());
        assertEquals(3, ok("group", ws, "set", "G", "--event", "called", "--json").get("changed").asLong());
        assertEquals("record event 'called'", ok("group", ws, "undo", "--json").get("undone").asText());
        assertEquals("add tag 'vip'", ok("group", ws, "undo", "--json").get("undone").asText());
        assertEquals(0, ok("count", ws, "--file", vip, "--json").get("customers").asLong());
        ok("group", ws, "undo");
        ok("group", ws, "undo");
        assertEquals(3, ok("count", ws, "--segment", "Gold", "--json").get("customers").asLong(),
                "gold again after undoing both sets");
        assertTrue(refused("group", ws, "undo").startsWith("segmint: Nothing to undo"));
    }

    @Test
    void badInputIsRefusedWithOneLineAndChangesNothing() throws Exception {
        ok("group", ws, "create", "G");
        refused("group", ws, "create", "G");
        refused("group", ws, "create", "H", "H");
        refused("group", ws, "add", "Nope", "--segment", "Gold");
        refused("group", ws, "add", "G");
        refused("group", ws, "add", "G", "--segment", "Gold", "--ids", "x.csv");
        refused("group", ws, "create", "S", "--smart", "--segment", "Nope");
        refused("group", ws, "create", "S", "--smart", "--segment", "Gold", "--schedule", "weekly:XYZ");
        refused("group", ws, "split", "G", "--into", "A,B", "--percent", "60,60");
        refused("group", ws, "split", "G", "--into", "A");
        refused("group", ws, "combine", "xor", "G", "G", "--into", "N");
        refused("group", ws, "set", "G", "--attribute", "tier");
        refused("group", ws, "set", "G", "--attribute", "nope=1");
        refused("group", ws, "list", "--seed", "1");
        refused("group", ws, "frobnicate");
        refused("group", ws, "members", "G", "--out", ws);
        refused("recalc", ws, "--group", "G");
        refused("recalc", ws, "--all", "--due");
        refused("count", ws, "--group", "Nope");
        refused("cluster", ws, "--file", file("bad.cluster.json", "{\"format\": \"segmint/cluster@1\","
                + " \"name\": \"X\", \"groups\": [\"G\", \"G\"]}"));
        JsonNode list = ok("group", ws, "list", "--json");
        assertEquals(List.of("G"), names(list.get("groups"), "name"));
        assertEquals(0, list.get("groups").get(0).get("customers").asLong());
    }

    private static void assertEdit(JsonNode j, String group, long customers, String key, long changed, long unknown) {
        assertEquals(group, j.get("group").asText());
        assertEquals(customers, j.get("customers").asLong(), j.toString());
        assertEquals(changed, j.get(key).asLong(), j.toString());
        assertEquals(unknown, j.get("unknown").asLong(), j.toString());
    }

    private static void assertCombine(JsonNode j, String group, long customers) {
        assertEquals(group, j.get("group").asText());
        assertEquals(customers, j.get("customers").asLong(), j.toString());
    }
}
