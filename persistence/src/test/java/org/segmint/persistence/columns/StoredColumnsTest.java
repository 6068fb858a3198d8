package org.segmint.persistence.columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.reference.RandomWorkspaces;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DataChange;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * The columns stored inside the workspace: a workspace opened again counts from them without reading rows, a
 * load drops the tables it changed, an as-of change keeps them all, columns of another data version are never
 * used, damaged ones neither (they are read from the rows and stored again), and a workspace that cannot be
 * written counts from columns held in memory.
 */
class StoredColumnsTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

    @TempDir
    Path dir;

    /** Definitions touching every stored piece: customer attributes, orders, items, events and an event column. */
    private static List<Condition> definitions() {
        return List.of(
                AttributeCondition.of("customers.city", Operator.IN, "London", "Paris"),
                new PurchaseCondition(true, List.of(), Measure.REVENUE, Comparison.of(Operator.GT, 100),
                        Window.last(12, TimeUnit.MONTHS)),
                new PurchaseCondition(true, List.of(AttributeCondition.of("order_items.category", Operator.EQ, "Rock")),
                        Measure.UNITS, Comparison.of(Operator.GTE, 2), null),
                new EventCondition(true, "view", List.of(AttributeCondition.of("events.page", Operator.STARTS_WITH,
                        "/sale")), Comparison.AT_LEAST_ONE, null),
                new SequenceCondition(List.of(SequenceCondition.Step.of("view"), SequenceCondition.Step.of("cart")),
                        new SequenceCondition.Within(3, TimeUnit.DAYS), null, null),
                AttributeCondition.of("metrics.orders", Operator.GTE, java.math.BigDecimal.valueOf(3)));
    }

    private static List<RoaringBitmap> count(Workspace ws, boolean columns) {
        List<RoaringBitmap> result = new ArrayList<>();
        try (SegmentEngine engine = columns ? new SegmentEngine(ws, name -> Optional.empty())
                : SegmentEngine.sqlOnly(ws, name -> Optional.empty())) {
            for (Condition d : definitions()) {
                result.add(engine.members(d, AS_OF, Cancellation.none()));
            }
        }
        return result;
    }

    private static Columns columns(Workspace ws) {
        return ColumnStore.of(ws).at(ws.dataVersion());
    }

    @Test
    void aWorkspaceOpenedAgainCountsFromTheStoredColumnsWithoutReadingRows() {
        Path file = dir.resolve("a.segmint");
        List<RoaringBitmap> first;
        try (Workspace ws = RandomWorkspaces.create(file, 7)) {
            first = count(ws, true);
            assertEquals(count(ws, false), first);
            assertTrue(columns(ws).rowReads() > 0);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(first, count(ws, true));
            assertEquals(0, columns(ws).rowReads(), "everything came from the stored columns");
        }
    }

    @Test
    void aLoadDropsTheStoredColumnsOfTheTablesItChangedAndKeepsTheOthers() throws SQLException {
        Path file = dir.resolve("b.segmint");
        try (Workspace ws = RandomWorkspaces.create(file, 8)) {
            count(ws, true);
            ws.inTransaction(() -> {
                long before = maxRowid(ws.connection(), "orders");
                exec(ws.connection(), "INSERT INTO orders(order_id, ck, customer_id, order_date, revenue, units)"
                        + " VALUES('NEW', 1, 'C101', " + AS_OF.toEpochDay() + ", 1000, 1)");
                DerivedData.refresh(ws, DataChange.added("orders", before, java.util.Set.of()), Progress.NONE);
                return null;
            });
            // Orders and items complete each other, so a load of either drops both.
            assertEquals(List.of("customers", "events"), validSets(ws));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(count(ws, false), count(ws, true));
            assertEquals(3, columns(ws).rowReads(), "only the orders, the items and their category were read from the rows");
        }
    }

    @Test
    void changingTheAsOfDateKeepsEveryStoredColumn() throws SQLException {
        Path file = dir.resolve("c.segmint");
        try (Workspace ws = RandomWorkspaces.create(file, 9)) {
            count(ws, true);
            int read = columns(ws).rowReads();
            DerivedData.changeAsOf(ws, AsOfSetting.parse("2024-01-31"));
            assertEquals(List.of("customers", "events", "order_items", "orders"), validSets(ws));
            assertEquals(count(ws, false), count(ws, true));
            assertEquals(0, columns(ws).rowReads(), "the columns held in memory were kept: read " + read + " before");
        }
    }

    @Test
    void columnsStoredAtAnotherDataVersionAreNeverUsed() throws SQLException {
        Path file = dir.resolve("d.segmint");
        try (Workspace ws = RandomWorkspaces.create(file, 10)) {
            count(ws, true);
            // A writer that knows nothing of stored columns (an older Segmint): it changes rows and moves the
            // version on without carrying the sets forward.
            exec(ws.connection(), "UPDATE customers SET city = 'London'");
            exec(ws.connection(), "DELETE FROM events WHERE event_type = 'cart'");
            ws.bumpDataVersion();
            assertEquals(List.of(), validSets(ws));
            assertEquals(count(ws, false), count(ws, true));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "UPDATE sg_column_blobs SET data = zeroblob(length(data)) WHERE name = 'revenue'",
        "UPDATE sg_column_blobs SET data = substr(data, 1, length(data) - 8) WHERE name = 'day'",
        "DELETE FROM sg_column_blobs WHERE table_name = 'events' AND name = 'time'",
        "UPDATE sg_column_blobs SET parts = parts + 1 WHERE table_name = 'customers' AND name = 'c.city.codes'",
        "UPDATE sg_column_blobs SET data = zeroblob(length(data)) WHERE table_name = 'customers' AND name = 'keys'"})
    void damagedStoredColumnsAreNeverUsedAndAreStoredAgain(String damage) throws SQLException {
        Path file = dir.resolve("f.segmint");
        List<RoaringBitmap> expected;
        try (Workspace ws = RandomWorkspaces.create(file, 12)) {
            expected = count(ws, false);
            assertEquals(expected, count(ws, true));
            exec(ws.connection(), damage);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(expected, count(ws, true), "counted after: " + damage);
            assertTrue(columns(ws).rowReads() > 0, "the damaged set was read from the rows again");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(expected, count(ws, true));
            assertEquals(0, columns(ws).rowReads(), "the set read again was stored");
        }
    }

    @Test
    void closingAWorkspaceLetsGoOfItsColumns() {
        Workspace ws = RandomWorkspaces.create(dir.resolve("g.segmint"), 13);
        count(ws, true);
        ColumnStore held = ColumnStore.of(ws);
        ws.close();
        ColumnStore after = ColumnStore.of(ws);
        ColumnStore.forget(ws);
        org.junit.jupiter.api.Assertions.assertNotSame(held, after, "the closed workspace's store was dropped");
    }

    @Test
    void aWorkspaceThatCannotBeWrittenCountsFromColumnsHeldInMemory() throws SQLException {
        Path file = dir.resolve("e.segmint");
        try (Workspace ws = RandomWorkspaces.create(file, 11); Connection writer = ws.openConnection()) {
            writer.setAutoCommit(false);
            exec(writer, "UPDATE sg_meta SET value = value WHERE key = 'data_version'");
            try {
                assertEquals(count(ws, false), count(ws, true));
            } finally {
                writer.rollback();
            }
            assertEquals(List.of(), validSets(ws), "nothing could be stored while another writer held the lock");
        }
    }

    private static List<String> validSets(Workspace ws) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet exists = st.executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'sg_column_sets'")) {
            if (!exists.next()) {
                return tables;
            }
        }
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM sg_column_sets WHERE data_version = "
                     + ws.dataVersion() + " ORDER BY table_name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long maxRowid(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(rowid) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
