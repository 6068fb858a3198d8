package org.segmint.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Workspace;

/** insights, compare and model end to end on a hand-made workspace whose answers are known exactly. */
class InsightCommandsTest {
    private static final double EPS = 1e-9;
    private static final String AS_OF = "2011-12-09";

    @TempDir
    Path dir;

    private Path ws;

    @BeforeEach
    void createWorkspace() throws Exception {
        ws = dir.resolve("shop.segmint");
        try (Workspace w = Workspace.create(ws)) {
            w.addColumn("customers", "tier", FieldType.TEXT, null);
            w.addColumn("customers", "email", FieldType.TEXT, null);
            String[] tiers = {"gold", "silver", "gold", "silver", "gold", null};
            for (int ck = 1; ck <= 6; ck++) {
                try (PreparedStatement ps = w.connection().prepareStatement(
                        "INSERT INTO customers(ck, customer_id, tier, email) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, ck);
                    ps.setString(2, "C" + ck);
                    ps.setString(3, tiers[ck - 1]);
                    ps.setString(4, ck % 2 == 0 ? "c" + ck + "@x.org" : null);
                    ps.executeUpdate();
                }
            }
            order(w, "o1", 1, "2011-12-09", 100, 2);
            order(w, "o2", 1, "2010-12-10", 50, 1);
            order(w, "o3", 2, "2011-06-01", 40, 4);
            order(w, "o4", 3, "2010-12-09", 1000, 5); // one day before the 12-month window
            order(w, "o5", 4, "2011-01-01", 10, 1);
            w.bumpDataVersion();
        }
        save("Gold", "{\"type\": \"attribute\", \"field\": \"customers.tier\", \"op\": \"eq\", \"value\": \"gold\"}");
        save("Buyers", "{\"type\": \"purchase\", \"window\": {\"last\": 12, \"unit\": \"months\"}}");
    }

    private static void order(Workspace w, String id, int ck, String date, double revenue, double units)
            throws Exception {
        try (PreparedStatement ps = w.connection().prepareStatement("INSERT INTO orders(order_id, ck, customer_id,"
                + " order_date, revenue, units) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, ck);
            ps.setString(3, "C" + ck);
            ps.setLong(4, LocalDate.parse(date).toEpochDay());
            ps.setDouble(5, revenue);
            ps.setDouble(6, units);
            ps.executeUpdate();
        }
    }

    private void save(String name, String definition) throws Exception {
        Path file = dir.resolve(name + ".segment.json");
        Files.writeString(file, "{\"format\": \"segmint/segment@1\", \"name\": \"" + name + "\", \"definition\": "
                + definition + "}");
        assertEquals(Cli.OK, CliRun.of("segment", ws.toString(), "save", file.toString()).code());
    }

    @Test
    void insightsPrintTheSummaryAndTheRevenueTreeOfTheMembersLastTwelveMonths() {
        CliRun run = CliRun.of("insights", ws.toString(), "--segment", "Gold", "--as-of", AS_OF, "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals(3, j.get("customers").asLong());
        assertEquals(1, j.get("activeCustomers").asLong());
        assertEquals(150, j.get("revenue12m").asDouble(), EPS);
        JsonNode t = j.get("revenueTree");
        assertEquals(150, t.get("netRevenue").asDouble(), EPS);
        assertEquals(1, t.get("purchasers").asLong());
        assertEquals(150, t.get("revenuePerCustomer").asDouble(), EPS);
        assertEquals(2, t.get("ordersPerCustomer").asDouble(), EPS);
        assertEquals(75, t.get("averageOrderValue").asDouble(), EPS);
        assertEquals(1.5, t.get("unitsPerTransaction").asDouble(), EPS);
        assertEquals(50, t.get("averageUnitRevenue").asDouble(), EPS);
        assertEquals(0, j.at("/reachability/email/customers").asLong());
        assertTrue(j.at("/reachability/phone/share").isNull());
        assertEquals(24, j.get("monthlyRevenue").size());
        assertEquals(6, j.at("/baseline/customers").asLong());
        assertEquals(3, j.at("/baseline/activeCustomers").asLong());
        assertEquals(200, j.at("/baseline/revenue12m").asDouble(), EPS);
        assertTrue(j.at("/sql/revenueTree").asText().contains("\"tier\" = 'gold'"), j.at("/sql/revenueTree").asText());
    }

    @Test
    void insightsBreakDownByAnAttribute() {
        CliRun run = CliRun.of("insights", ws.toString(), "--file", dir.resolve("Buyers.segment.json").toString(),
                "--as-of", AS_OF, "--breakdown", "customers.tier", "--compare-by", "revenue", "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        JsonNode b = run.json().at("/breakdowns/0/buckets");
        assertEquals("gold", b.get(0).get("label").asText());
        assertEquals(150.0 / 200, b.get(0).get("value").asDouble(), EPS);
        assertEquals("silver", b.get(1).get("label").asText());
        assertEquals(2, b.get(1).get("customers").asLong());
    }

    @Test
    void compareGivesSizesOverlapsUniqueIntersectionsAndMetrics() {
        CliRun run = CliRun.of("compare", ws.toString(), "Gold", "Buyers", "--as-of", AS_OF, "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals("Gold", j.at("/segments/0/name").asText());
        assertEquals(3, j.at("/segments/0/customers").asLong());
        assertEquals(2, j.at("/segments/0/unique").asLong());
        assertEquals(3, j.at("/segments/1/customers").asLong());
        assertEquals(2, j.at("/segments/1/unique").asLong());
        assertEquals("[[3,1],[1,3]]", j.get("overlap").toString());
        assertEquals(5, j.get("union").asLong());
        assertEquals(3, j.get("intersections").size());
        assertEquals(200, j.at("/metrics/1/revenue12m").asDouble(), EPS);
        assertEquals(3, j.at("/metrics/1/activeCustomers").asLong());
    }

    @Test
    void compareSavesAnIntersectionAsANewSegment() {
        CliRun run = CliRun.of("compare", ws.toString(), "Gold", "Buyers", "--as-of", AS_OF, "--save-intersection",
                "Gold", "--as", "Gold, no purchase", "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        assertEquals(2, run.json().at("/saved/customers").asLong());
        CliRun count = CliRun.of("count", ws.toString(), "--segment", "Gold, no purchase", "--as-of", AS_OF, "--json");
        assertEquals(2, count.json().get("customers").asLong(), count.err());
    }

    @Test
    void modelAssignsFirstMatchAndExportsOneFilePerEntry() throws Exception {
        Path model = dir.resolve("m.model.json");
        Files.writeString(model, "{\"format\": \"segmint/model@1\", \"name\": \"Holiday\", \"segments\": [\"Buyers\","
                + " \"Gold\", {\"name\": \"Has email\", \"definition\": {\"type\": \"attribute\", \"field\":"
                + " \"customers.email\", \"op\": \"is_not_empty\"}}], \"leftovers\": \"Rest\"}");
        Path out = dir.resolve("export");
        CliRun run = CliRun.of("model", ws.toString(), "--file", model.toString(), "--as-of", AS_OF, "--export",
                out.toString(), "--columns", "customer_id,tier", "--save", "--json");
        assertEquals(Cli.OK, run.code(), run.err());
        JsonNode j = run.json();
        assertEquals("Holiday", j.get("model").asText());
        assertEquals(3, j.at("/segments/0/assigned").asLong());
        assertEquals(3, j.at("/segments/1/qualifying").asLong());
        assertEquals(2, j.at("/segments/1/assigned").asLong());
        assertEquals("Buyers", j.at("/segments/1/takenBy/0/name").asText());
        assertEquals(1, j.at("/segments/1/takenBy/0/customers").asLong());
        assertEquals(3, j.at("/segments/2/qualifying").asLong());
        assertEquals(1, j.at("/segments/2/assigned").asLong());
        assertEquals("Rest", j.at("/leftovers/name").asText());
        assertEquals(0, j.at("/leftovers/assigned").asLong());
        assertEquals(6, j.get("total").asLong());
        assertEquals("customer_id,tier\r\nC3,gold\r\nC5,gold\r\n",
                Files.readString(out.resolve("02-gold.csv"), StandardCharsets.UTF_8));
        assertEquals("entry,file,rows\r\nBuyers,01-buyers.csv,3\r\nGold,02-gold.csv,2\r\nHas email,03-has-email.csv,1"
                + "\r\nRest,04-rest.csv,0\r\n", Files.readString(out.resolve("manifest.csv"), StandardCharsets.UTF_8));

        CliRun stored = CliRun.of("model", ws.toString(), "--model", "Holiday", "--as-of", AS_OF, "--json");
        assertEquals(Cli.OK, stored.code(), stored.err());
        assertEquals(j.get("segments"), stored.json().get("segments"));
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        assertBad(CliRun.of("insights", ws.toString(), "--segment", "Nope", "--json"), "Nope");
        assertBad(CliRun.of("compare", ws.toString(), "Gold", "--json"), "2 to 5");
        assertBad(CliRun.of("compare", ws.toString(), "Gold", "Gold", "--json"), "twice");
        assertBad(CliRun.of("model", ws.toString(), "--model", "Nope", "--json"), "Nope");
        assertBad(CliRun.of("insights", ws.toString(), "--segment", "Gold", "--as-of", "yesterday"), "--as-of");
        Path model = dir.resolve("bad.model.json");
        Files.writeString(model, "{\"format\": \"segmint/model@1\", \"name\": \"M\", \"segments\": [\"Ghost\"]}");
        assertBad(CliRun.of("model", ws.toString(), "--file", model.toString()), "Ghost");
    }

    private static void assertBad(CliRun run, String mentions) {
        assertEquals(Cli.BAD_INPUT, run.code(), run.out() + run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(mentions), run.err());
    }
}
