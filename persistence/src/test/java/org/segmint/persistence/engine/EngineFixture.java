package org.segmint.persistence.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;

/**
 * A small hand-made workspace for engine tests, filled with plain JDBC inserts that follow the storage
 * conventions (dates as epoch days, datetimes as epoch seconds, booleans 0/1).
 */
final class EngineFixture implements AutoCloseable {
    static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

    final Workspace ws;
    final Map<String, Condition> saved = new HashMap<>();
    final SegmentEngine engine;

    EngineFixture(Path dir) {
        ws = Workspace.create(dir.resolve("test.segmint"));
        engine = new SegmentEngine(ws, name -> Optional.ofNullable(saved.get(name)));
    }

    void column(String table, String column, FieldType type) {
        ws.addColumn(table, column, type, null);
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

    /** Customers c1..cN with keys 1..N. */
    void customers(int n) {
        for (int i = 1; i <= n; i++) {
            exec("INSERT INTO customers(ck, customer_id) VALUES (?, ?)", i, "c" + i);
        }
    }

    void set(int ck, String column, Object value) {
        exec("UPDATE customers SET \"" + column + "\" = ? WHERE ck = ?", value, ck);
    }

    void order(String orderId, int ck, String date, double revenue, double units) {
        exec("INSERT INTO orders(order_id, ck, customer_id, order_date, revenue, units) VALUES (?, ?, ?, ?, ?, ?)",
                orderId, ck, "c" + ck, day(date), revenue, units);
    }

    void item(String orderId, int ck, String date, String product, double quantity, double revenue) {
        exec("INSERT INTO order_items(order_id, ck, customer_id, order_date, product_id, quantity, unit_price,"
                + " revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, ck, "c" + ck, day(date), product, quantity,
                quantity == 0 ? 0 : revenue / quantity, revenue);
    }

    void event(int ck, String type, String time) {
        exec("INSERT INTO events(ck, customer_id, event_type, event_time) VALUES (?, ?, ?, ?)",
                ck, "c" + ck, type, seconds(time));
    }

    /** Marks the data changed, as an import does. */
    void bump() {
        ws.bumpDataVersion();
    }

    static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    static long seconds(String dateTime) {
        return LocalDateTime.parse(dateTime).toEpochSecond(ZoneOffset.UTC);
    }

    /** The customer ids of the members, sorted by key. */
    List<String> ids(Condition c) {
        return ids(c, AS_OF);
    }

    List<String> ids(Condition c, LocalDate asOf) {
        return names(engine.members(c, asOf, Cancellation.none()));
    }

    /** Customer ids of "View SQL" run through JDBC. */
    List<String> viewIds(Condition c, LocalDate asOf) {
        List<String> out = new ArrayList<>();
        try (Statement st = ws.connection().createStatement();
             ResultSet rs = st.executeQuery(engine.viewSql(c, asOf))) {
            while (rs.next()) {
                out.add(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(engine.viewSql(c, asOf), e);
        }
        return out;
    }

    /** Asserts the members are exactly {@code expected}, through the engine and through View SQL. */
    void check(Condition c, String... expected) {
        check(c, AS_OF, expected);
    }

    void check(Condition c, LocalDate asOf, String... expected) {
        List<String> want = List.of(expected);
        assertEquals(want, ids(c, asOf), () -> "members of " + c);
        assertEquals(want, viewIds(c, asOf), () -> "view SQL of " + c + "\n" + engine.viewSql(c, asOf));
    }

    List<String> names(RoaringBitmap members) {
        TreeSet<Integer> keys = new TreeSet<>();
        members.forEach((int ck) -> keys.add(ck));
        List<String> out = new ArrayList<>();
        for (int ck : keys) {
            out.add("c" + ck);
        }
        return out;
    }

    @Override
    public void close() {
        engine.close();
        ws.close();
    }
}
