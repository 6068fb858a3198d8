package org.segmint.persistence.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.testdata.RealData;
import org.segmint.persistence.workspace.Workspace;

/**
 * The engine and the reference agree on hand-written definitions over the real Chinook data (invoices
 * as orders, invoice lines as items with the track's genre as category), as of 2025-12-22, the last
 * invoice date. The data is copied with plain SQL; the importer is tested on its own.
 */
class ChinookEngineMatchesReferenceTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 22);

    @TempDir
    static Path dir;
    static Workspace ws;
    static SegmentEngine engine;
    static ReferenceEvaluator reference;

    @BeforeAll
    static void load() throws Exception {
        Path chinook = RealData.chinook(dir.resolve("data"));
        ws = Workspace.create(dir.resolve("chinook.segmint"));
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
                    + " SELECT CAST(l.InvoiceId AS TEXT), CAST(l.TrackId AS TEXT), l.Quantity, l.UnitPrice, g.Name"
                    + " FROM chinook.InvoiceLine l JOIN chinook.Track t ON t.TrackId = l.TrackId"
                    + " LEFT JOIN chinook.Genre g ON g.GenreId = t.GenreId");
            st.execute("DETACH DATABASE chinook");
        }
        ws.setAsOfSetting(AsOfSetting.parse(AS_OF.toString()));
        DerivedData.refresh(ws, Progress.NONE);
        engine = new SegmentEngine(ws, name -> Optional.empty());
        reference = new ReferenceEvaluator(ws.connection(), name -> Optional.empty());
    }

    @AfterAll
    static void close() {
        engine.close();
        ws.close();
    }

    static Stream<Condition> definitions() {
        Condition rock = AttributeCondition.of("order_items.category", Operator.EQ, "Rock");
        return Stream.of(
                purchase(List.of(rock), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.last(6, TimeUnit.MONTHS)),
                purchase(List.of(AttributeCondition.of("order_items.category", Operator.EQ, "Jazz")), Measure.REVENUE,
                        new Comparison(Operator.GTE, List.of(new BigDecimal("2.5"))), Window.ALL_TIME),
                purchase(List.of(AttributeCondition.of("order_items.category", Operator.CONTAINS, "ROCK")),
                        Measure.UNITS, Comparison.of(Operator.GTE, 10), Window.last(2, TimeUnit.YEARS)),
                purchase(List.of(AttributeCondition.of("order_items.category", Operator.IN, "Metal", "Heavy Metal")),
                        Measure.ORDERS, Comparison.of(Operator.EQ, 0), Window.ALL_TIME),
                AttributeCondition.of("customers.country", Operator.EQ, "USA"),
                GroupCondition.all(List.of(AttributeCondition.of("customers.country", Operator.IN, "Brazil", "Canada"),
                        purchase(List.of(), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.last(90, TimeUnit.DAYS)))),
                purchase(List.of(), Measure.ORDERS, Comparison.of(Operator.GTE, 2), Window.last(12, TimeUnit.MONTHS)),
                new PurchaseCondition(false, List.of(), Measure.ORDERS, Comparison.AT_LEAST_ONE,
                        Window.last(3, TimeUnit.MONTHS)),
                purchase(List.of(), Measure.REVENUE, Comparison.of(Operator.BETWEEN, 38, 40),
                        Window.between(null, LocalDate.of(2025, 6, 30))),
                GroupCondition.any(List.of(AttributeCondition.of("customers.company", Operator.IS_NOT_EMPTY),
                        new NotCondition(AttributeCondition.of("customers.email", Operator.ENDS_WITH, "GMAIL.COM")))),
                AttributeCondition.of("customers.city", Operator.STARTS_WITH, "s"),
                AttributeCondition.of("metrics.revenue_12m", Operator.GT, BigDecimal.valueOf(8)),
                AttributeCondition.of("metrics.lifecycle", Operator.EQ, "active"),
                new AttributeCondition("orders.order_date", Operator.IN_LAST, List.of(BigDecimal.valueOf(1)),
                        TimeUnit.MONTHS));
    }

    private static PurchaseCondition purchase(List<Condition> where, Measure measure, Comparison comparison,
                                              Window window) {
        return new PurchaseCondition(true, where, measure, comparison, window);
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void engineGivesTheReferenceMembersOnChinook(Condition definition) {
        RoaringBitmap expected = reference.members(definition, AS_OF);
        int customers = reference.everyone().size();
        assertEquals(59, customers);
        assertTrue(expected.getCardinality() > 0 && expected.getCardinality() < customers,
                "the definition should select some but not all customers: " + DefinitionText.of(definition));
        RoaringBitmap actual = engine.members(definition, AS_OF, Cancellation.none());
        assertEquals(reference.customerIds(expected), reference.customerIds(actual), DefinitionText.of(definition));
    }
}
