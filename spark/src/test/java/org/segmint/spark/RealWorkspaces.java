package org.segmint.spark;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.importing.ImportRequest;
import org.segmint.persistence.importing.Importer;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.store.ListFile;
import org.segmint.persistence.store.ListStore;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Workspaces of the two real data sets of the persistence test resources, each with saved segments, a priority
 * model, a static group, a smart group and an uploaded list, as a user would have them before running on Spark.
 */
final class RealWorkspaces {
    static final LocalDate CHINOOK_AS_OF = LocalDate.of(2025, 12, 22);

    private RealWorkspaces() {
    }

    /** Chinook: invoices as orders, invoice lines as items with the genre as category. */
    static Path chinook(Path dir) throws Exception {
        Path chinook = RealData.chinook(dir.resolve("data"));
        Path file = dir.resolve("chinook.segmint");
        try (Workspace ws = Workspace.create(file)) {
            for (String column : List.of("first_name", "company", "city", "country", "email")) {
                ws.addColumn("customers", column, FieldType.TEXT, null);
            }
            ws.addColumn("order_items", "category", FieldType.TEXT, "Genre");
            Connection c = ws.connection();
            try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS chinook")) {
                attach.setString(1, chinook.toAbsolutePath().toString());
                attach.execute();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO customers(ck, customer_id, first_name, company, city, country, email)"
                        + " SELECT CustomerId, CAST(CustomerId AS TEXT), FirstName, Company, City, Country, Email"
                        + " FROM chinook.Customer");
                st.executeUpdate("INSERT INTO orders(order_id, customer_id, order_date, revenue)"
                        + " SELECT CAST(InvoiceId AS TEXT), CAST(CustomerId AS TEXT),"
                        + " CAST(julianday(substr(InvoiceDate, 1, 10)) - 2440587.5 AS INTEGER), Total"
                        + " FROM chinook.Invoice");
                st.executeUpdate("INSERT INTO order_items(order_id, product_id, quantity, unit_price, category)"
                        + " SELECT CAST(l.InvoiceId AS TEXT), CAST(l.TrackId AS TEXT), l.Quantity, l.UnitPrice,"
                        + " g.Name FROM chinook.InvoiceLine l JOIN chinook.Track t ON t.TrackId = l.TrackId"
                        + " LEFT JOIN chinook.Genre g ON g.GenreId = t.GenreId");
                st.execute("DETACH DATABASE chinook");
            }
            ws.setAsOfSetting(AsOfSetting.parse(CHINOOK_AS_OF.toString()));
            DerivedData.refresh(ws, Progress.NONE);
            Condition rock = AttributeCondition.of("order_items.category", Operator.EQ, "Rock");
            Map<String, Condition> segments = new LinkedHashMap<>();
            segments.put("Recent rock buyers", purchase(List.of(rock), Measure.ORDERS, Comparison.AT_LEAST_ONE,
                    Window.last(6, TimeUnit.MONTHS)));
            segments.put("Jazz spenders", purchase(List.of(AttributeCondition.of("order_items.category",
                    Operator.EQ, "Jazz")), Measure.REVENUE, new Comparison(Operator.GTE,
                    List.of(new BigDecimal("2.5"))), Window.ALL_TIME));
            segments.put("Americas", AttributeCondition.of("customers.country", Operator.IN, "USA", "Canada",
                    "Brazil"));
            segments.put("Frequent", purchase(List.of(), Measure.ORDERS, Comparison.of(Operator.GTE, 2),
                    Window.last(12, TimeUnit.MONTHS)));
            segments.put("Active", AttributeCondition.of("metrics.lifecycle", Operator.EQ, "active"));
            segments.put("Not recent", new PurchaseCondition(false, List.of(), Measure.ORDERS,
                    Comparison.AT_LEAST_ONE, Window.last(3, TimeUnit.MONTHS)));
            segments.put("Rock fans in the Americas, not gmail", GroupCondition.all(List.of(
                    new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Americas", true),
                    purchase(List.of(AttributeCondition.of("order_items.category", Operator.CONTAINS, "ROCK")),
                            Measure.UNITS, Comparison.of(Operator.GTE, 10), Window.last(2, TimeUnit.YEARS)),
                    new NotCondition(AttributeCondition.of("customers.email", Operator.ENDS_WITH, "GMAIL.COM")))));
            segments.put("Called back", GroupCondition.any(List.of(
                    new MembershipCondition(MembershipCondition.Kind.GROUP, "Call back", true),
                    new MembershipCondition(MembershipCondition.Kind.LIST, "Trade show", true))));
            save(ws, segments, List.of("Rock fans in the Americas, not gmail", "Called back", "Recent rock buyers",
                    "Frequent", "Americas"));
            GroupStore groups = new GroupStore(ws);
            groups.createStatic(List.of("Call back"), "");
            groups.addValues("Call back", List.of("1", "2", "3", "17", "58", "999"), ListStore.MatchOn.CUSTOMER_ID);
            Path csv = dir.resolve("trade-show.csv");
            java.nio.file.Files.writeString(csv, "email\nluisg@embraer.com.br\nftremblay@gmail.com\n"
                    + "nobody@example.com\n");
            ListFile list = ListFile.open(csv);
            new ListStore(ws).upload("Trade show", list, list.column("email"), ListStore.MatchOn.EMAIL, false,
                    Cancellation.none());
            smartGroup(ws, "Big spenders", purchase(List.of(), Measure.REVENUE, Comparison.of(Operator.GTE, 40),
                    Window.ALL_TIME), RoaringBitmap.bitmapOf(1, 2, 3, 4, 5, 6));
        }
        return file;
    }

    /** The Online Retail sample: order lines (orders derived from them), customers with their country. */
    static Path retail(Path dir) {
        Path csv = RealData.onlineRetail(dir.resolve("data"));
        Path file = dir.resolve("retail.segmint");
        try (Workspace ws = Workspace.create(file)) {
            Importer.importCsv(ws, csv, null, ImportRequest.replace("customers").withLastWins(true).withMapping(map(
                    "CustomerID", "customer_id", "InvoiceNo", "", "StockCode", "", "Description", "",
                    "Quantity", "", "InvoiceDate", "", "UnitPrice", "")), Progress.NONE, Cancellation.none());
            Importer.importCsv(ws, csv, null, ImportRequest.replace("order_items").withMapping(map(
                    "InvoiceNo", "order_id", "StockCode", "product_id", "Quantity", "quantity",
                    "UnitPrice", "unit_price", "CustomerID", "customer_id", "InvoiceDate", "order_date")),
                    Progress.NONE, Cancellation.none());
            Map<String, Condition> segments = new LinkedHashMap<>();
            segments.put("UK", AttributeCondition.of("customers.country", Operator.EQ, "United Kingdom"));
            segments.put("Bought lights", purchase(List.of(AttributeCondition.of("order_items.description",
                    Operator.CONTAINS, "light")), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.ALL_TIME));
            segments.put("Big baskets", purchase(List.of(), Measure.UNITS, Comparison.of(Operator.GT, 200),
                    Window.last(90, TimeUnit.DAYS)));
            segments.put("Cancelled", purchase(List.of(AttributeCondition.of("order_items.order_id",
                    Operator.STARTS_WITH, "c")), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.ALL_TIME));
            segments.put("Lapsing", AttributeCondition.of("metrics.lifecycle", Operator.IN, "at risk", "lapsed"));
            segments.put("High value", AttributeCondition.of("metrics.revenue", Operator.GTE, BigDecimal.valueOf(1000)));
            save(ws, segments, List.of("High value", "Bought lights", "UK"));
            smartGroup(ws, "Lapsing UK", GroupCondition.all(List.of(
                    new MembershipCondition(MembershipCondition.Kind.SEGMENT, "UK", true),
                    new MembershipCondition(MembershipCondition.Kind.SEGMENT, "Lapsing", true))), new RoaringBitmap());
        }
        return file;
    }

    private static void save(Workspace ws, Map<String, Condition> segments, List<String> model) {
        SegmentStore store = new SegmentStore(ws);
        segments.forEach((name, definition) -> store.save(Segment.of(name, definition)));
        new ModelStore(ws).save(new PriorityModel("Priorities", model.stream().map(ModelEntry::saved).toList(),
                "Everyone else", Map.of()));
    }

    /** A smart group with its definition and the members (customer keys) of an earlier calculation. */
    private static void smartGroup(Workspace ws, String name, Condition definition, RoaringBitmap members) {
        new GroupStore(ws).createSmart(name, definition, Schedule.MANUAL, "", "", members, ws.asOf());
    }

    private static PurchaseCondition purchase(List<Condition> where, Measure measure, Comparison comparison,
                                              Window window) {
        return new PurchaseCondition(true, where, measure, comparison, window);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
