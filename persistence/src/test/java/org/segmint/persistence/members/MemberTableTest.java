package org.segmint.persistence.members;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.InsightFixture;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/** The members table of the Customers tab: sorting on any per-customer column, pages of cells. */
class MemberTableTest {
    private static final RoaringBitmap ALL = RoaringBitmap.bitmapOf(1, 2, 3, 4, 5);

    @TempDir
    Path dir;

    /** The fixture plus an imported per-customer table: scores of C1, C2 and C5 (C3 and C4 have none). */
    private Workspace workspace() throws Exception {
        Workspace ws = InsightFixture.create(dir.resolve("t.segmint"));
        try (Statement st = ws.connection().createStatement()) {
            st.execute("CREATE TABLE scores(customer_id TEXT PRIMARY KEY, churn REAL, band TEXT)");
            st.execute("INSERT INTO scores VALUES ('C1', 0.5, 'mid'), ('C2', 0.9, 'high'), ('C5', 0.5, 'mid')");
        }
        ws.registerColumn("scores", "customer_id", FieldType.TEXT, null);
        ws.registerColumn("scores", "churn", FieldType.DECIMAL, null);
        ws.registerColumn("scores", "band", FieldType.TEXT, null);
        return ws;
    }

    private static Field field(Workspace ws, String id) {
        return ws.catalog().field(id).orElseThrow();
    }

    @Test
    void sortsOnNumbersTextAndImportedColumnsWithEmptyValuesLast() throws Exception {
        try (Workspace ws = workspace()) {
            MemberTable table = new MemberTable(ws);
            // age: C1 34, C2 51, C3 18, C4 empty, C5 99
            assertArrayEquals(new int[] {3, 1, 2, 5, 4}, table.sorted(ALL, field(ws, "customers.age"),
                    SortOrder.ASCENDING, Cancellation.none()));
            assertArrayEquals(new int[] {5, 2, 1, 3, 4}, table.sorted(ALL, field(ws, "customers.age"),
                    SortOrder.DESCENDING, Cancellation.none()));
            // tier: bronze < gold < silver; ties (C1, C3 gold) by key
            assertArrayEquals(new int[] {5, 1, 3, 2, 4}, table.sorted(ALL, field(ws, "customers.tier"),
                    SortOrder.ASCENDING, Cancellation.none()));
            assertArrayEquals(new int[] {2, 1, 5, 3, 4}, table.sorted(ALL, field(ws, "scores.churn"),
                    SortOrder.DESCENDING, Cancellation.none()));
            assertArrayEquals(new int[] {2, 5}, table.sorted(RoaringBitmap.bitmapOf(2, 5), field(ws, "scores.band"),
                    SortOrder.ASCENDING, Cancellation.none()));
        }
    }

    @Test
    void pagesHoldTheCellsInTheOrderAsked() throws Exception {
        try (Workspace ws = workspace()) {
            List<List<String>> rows = new MemberTable(ws).rows(new int[] {5, 1, 4},
                    List.of(field(ws, "customers.customer_id"), field(ws, "customers.signup_date"),
                            field(ws, "scores.churn")));
            assertEquals(List.of(List.of("C5", "2011-07-04", "0.5"), List.of("C1", "2010-01-15", "0.5"),
                    List.of("C4", "", "")), rows);
        }
    }

    @Test
    void breakdownsReadImportedPerCustomerTables() throws Exception {
        try (Workspace ws = workspace()) {
            Breakdown b = new Breakdowns(ws, new Insights(ws)).of(ALL, "scores.band", CompareBy.CUSTOMERS, 5,
                    Insights.window(InsightFixture.AS_OF), Cancellation.none());
            assertEquals(List.of("mid", "high", "(empty)"), b.buckets().stream().map(Breakdown.Bucket::label)
                    .toList());
            assertEquals(List.of(2L, 1L, 2L), b.buckets().stream().map(Breakdown.Bucket::customers).toList());
            assertThrows(WorkspaceException.class, () -> new MemberTable(ws).sorted(ALL, field(ws, "orders.revenue"),
                    SortOrder.ASCENDING, Cancellation.none()));
        }
    }
}
