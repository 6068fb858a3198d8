package org.segmint.persistence.group;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/**
 * A small hand-made workspace for group tests: customers c1..c10 (keys 1..10) with a text tier, an integer
 * score, a decimal credit, a date and an email; c1..c5 are gold, c6..c10 silver; a fixed clock.
 */
final class GroupFixture implements AutoCloseable {
    /** Wednesday 2025-06-18, 10:00 UTC. */
    static final Instant NOW = Instant.parse("2025-06-18T10:00:00Z");

    final Workspace ws;
    final SegmentStore segments;
    final GroupStore groups;
    final SegmentEngine engine;
    final Map<String, Condition> inline = new HashMap<>();

    GroupFixture(Path dir) {
        this(dir, Clock.fixed(NOW, ZoneId.of("UTC")));
    }

    GroupFixture(Path dir, Clock clock) {
        ws = Workspace.create(dir.resolve("groups.segmint"));
        segments = new SegmentStore(ws);
        groups = new GroupStore(ws, clock);
        engine = new SegmentEngine(ws, segments::definition);
        ws.addColumn("customers", "tier", FieldType.TEXT, null);
        ws.addColumn("customers", "score", FieldType.INTEGER, null);
        ws.addColumn("customers", "credit", FieldType.DECIMAL, null);
        ws.addColumn("customers", "joined_on", FieldType.DATE, null);
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        for (int i = 1; i <= 10; i++) {
            exec("INSERT INTO customers(ck, customer_id, tier, email) VALUES (?, ?, ?, ?)", i, "c" + i,
                    i <= 5 ? "gold" : "silver", "c" + i + "@example.com");
        }
        ws.bumpDataVersion();
    }

    void exec(String sql, Object... params) {
        try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<List<Object>> rows(String sql, Object... params) {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    void order(String id, int ck, String date) {
        exec("INSERT INTO orders(order_id, ck, customer_id, order_date, revenue, units) VALUES (?, ?, ?, ?, 10, 1)",
                id, ck, "c" + ck, LocalDate.parse(date).toEpochDay());
    }

    /** Saves a segment. */
    void segment(String name, Condition definition) {
        segments.save(Segment.of(name, definition));
    }

    static Condition tier(String value) {
        return new AttributeCondition("customers.tier", Operator.EQ, List.of(value), null);
    }

    static Condition inGroup(String name) {
        return new MembershipCondition(MembershipCondition.Kind.GROUP, name, true);
    }

    RoaringBitmap members(Condition c, LocalDate asOf) {
        return engine.members(c, asOf, org.segmint.model.task.Cancellation.none());
    }

    /** Customer ids c1..c10 of keys, in key order. */
    static List<String> ids(RoaringBitmap keys) {
        TreeSet<Integer> sorted = new TreeSet<>();
        keys.forEach((int k) -> sorted.add(k));
        return sorted.stream().map(k -> "c" + k).toList();
    }

    static RoaringBitmap keys(int... keys) {
        return RoaringBitmap.bitmapOf(keys);
    }

    Optional<Object> value(String sql, Object... params) {
        List<List<Object>> r = rows(sql, params);
        return r.isEmpty() ? Optional.empty() : Optional.ofNullable(r.get(0).get(0));
    }

    @Override
    public void close() {
        engine.close();
        ws.close();
    }
}
