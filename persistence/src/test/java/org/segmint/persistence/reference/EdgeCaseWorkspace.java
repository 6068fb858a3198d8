package org.segmint.persistence.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Six customers C1..C6 whose data is chosen so that each edge case has a small answer a person can
 * work out by hand (see the comments next to the cases in {@link EdgeCaseCases}).
 */
final class EdgeCaseWorkspace {
    private final Connection c;

    private EdgeCaseWorkspace(Connection c) {
        this.c = c;
    }

    static Workspace create(Path file) throws SQLException {
        Workspace ws = Workspace.create(file);
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        ws.addColumn("customers", "city", FieldType.TEXT, null);
        ws.addColumn("customers", "score", FieldType.DECIMAL, null);
        ws.addColumn("customers", "vip", FieldType.BOOLEAN, null);
        ws.addColumn("customers", "birthday", FieldType.DATE, null);
        ws.addColumn("customers", "first_seen", FieldType.DATE, null);
        ws.addColumn("customers", "renewal", FieldType.DATE, null);
        ws.addColumn("customers", "signed_up_at", FieldType.DATETIME, null);
        ws.addColumn("order_items", "category", FieldType.TEXT, null);
        new EdgeCaseWorkspace(ws.connection()).fill();
        // The metrics table is computed as of the usual as-of of the cases.
        ws.setAsOfSetting(AsOfSetting.parse(EdgeCaseCases.AS_OF.toString()));
        DerivedData.refresh(ws, Progress.NONE);
        return ws;
    }

    private void fill() throws SQLException {
        customer(1, "a@x.com", "London", 10.0, 1L, "1992-02-29", "2011-09-11", "2011-03-01", "2011-12-09T23:59:59");
        customer(2, "b@x.com", "london", 10.5, 0L, "1990-01-02", "2011-09-10", "2011-02-28", "2011-12-10T00:00:00");
        customer(3, null, "", null, null, "1985-12-31", "2011-12-09", "2011-03-31", null);
        customer(4, null, null, 0.0, 1L, "1990-02-28", "2011-12-10", "2011-04-01", null);
        customer(5, "", "São Paulo", -1.0, 0L, "2000-03-01", "2010-12-10", null, null);
        customer(6, null, "50%_club", 100.0, null, null, "2010-12-09", "2011-02-27", null);

        order("O1", 1, "2011-12-01", 30.0);
        item("O1", 1, "2011-12-01", "Rock", 2, 10.0);
        item("O1", 1, "2011-12-01", "Jazz", 1, 10.0);
        order("O2", 1, "2011-06-01", 5.0);
        item("O2", 1, "2011-06-01", "Jazz", 1, 5.0);
        order("O3", 2, "2011-12-09", 100.0);
        item("O3", 2, "2011-12-09", "Rock", 1, 100.0);
        order("O4", 4, "2010-01-01", 10.0);
        item("O4", 4, "2010-01-01", "Rock", 5, 2.0);
        order("O5", 5, "2011-11-30", 0.5);
        item("O5", 5, "2011-11-30", "ROCK", 1, 0.5);
        order(null, 5, "2011-11-30", 1.0);
        order(null, 5, "2011-11-30", 1.0);
        order("O9", null, "2011-12-01", 50.0);
        item("O9", null, "2011-12-01", "Rock", 1, 50.0);

        event(1, "view", "2011-12-01T10:00:00");
        event(1, "cart", "2011-12-01T10:00:00");
        event(1, "purchase", "2011-12-03T09:00:00");
        event(2, "view", "2011-12-01T10:00:00");
        event(2, "support", "2011-12-02T00:00:00");
        event(2, "cart", "2011-12-05T00:00:00");
        event(3, "cart", "2011-11-01T00:00:00");
        event(3, "view", "2011-11-02T00:00:00");
        event(4, "view", "2011-10-01T12:00:00");
        event(4, "cart", "2011-11-01T12:00:00");
        event(4, "view", "2011-12-05T00:00:00");
        event(5, "view", "2011-12-01T10:00:00");
        event(6, "view", "2011-01-31T08:00:00");
        event(6, "cart", "2011-02-28T08:00:00");
        event(null, "cart", "2011-12-01T10:00:00");

        exec("INSERT INTO sg_groups(id, name, kind, created_at, updated_at) VALUES(1, 'Gold', 'static', 'x', 'x'),"
                + " (2, 'Empty', 'static', 'x', 'x')");
        exec("INSERT INTO sg_group_members(group_id, customer_id) VALUES(1, 'C1'), (1, 'C2'), (1, 'C99')");
        exec("INSERT INTO sg_lists(id, name, match_on, created_at) VALUES(1, 'Mailing', 'email', 'x'),"
                + " (2, 'Ids', 'customer_id', 'x')");
        exec("INSERT INTO sg_list_members(list_id, value) VALUES(1, 'a@x.com'), (1, 'B@x.com'), (2, 'C6'), (2, 'C7')");
    }

    private void customer(long ck, String email, String city, Double score, Long vip, String birthday,
                          String firstSeen, String renewal, String signedUpAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers(ck, customer_id, email, city, score, vip,"
                + " birthday, first_seen, renewal, signed_up_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ck);
            ps.setString(2, "C" + ck);
            ps.setString(3, email);
            ps.setString(4, city);
            ps.setObject(5, score);
            ps.setObject(6, vip);
            ps.setObject(7, day(birthday));
            ps.setObject(8, day(firstSeen));
            ps.setObject(9, day(renewal));
            ps.setObject(10, signedUpAt == null ? null : seconds(signedUpAt));
            ps.executeUpdate();
        }
    }

    private void order(String id, Integer ck, String date, double revenue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders(order_id, ck, customer_id, order_date,"
                + " revenue, units) VALUES(?, ?, ?, ?, ?,"
                + " (SELECT total(quantity) FROM order_items WHERE order_id = ?))")) {
            ps.setString(1, id);
            ps.setObject(2, ck);
            ps.setString(3, ck == null ? "X" : "C" + ck);
            ps.setLong(4, day(date));
            ps.setDouble(5, revenue);
            ps.setString(6, id);
            ps.executeUpdate();
        }
    }

    private void item(String orderId, Integer ck, String date, String category, int quantity, double price)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_items(order_id, ck, customer_id, order_date,"
                + " product_id, quantity, unit_price, revenue, category) VALUES(?, ?, ?, ?, 'P', ?, ?, ?, ?)")) {
            ps.setString(1, orderId);
            ps.setObject(2, ck);
            ps.setString(3, ck == null ? "X" : "C" + ck);
            ps.setLong(4, day(date));
            ps.setDouble(5, quantity);
            ps.setDouble(6, price);
            ps.setDouble(7, quantity * price);
            ps.setString(8, category);
            ps.executeUpdate();
        }
    }

    private void event(Integer ck, String type, String time) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO events(ck, customer_id, event_type, event_time) VALUES(?, ?, ?, ?)")) {
            ps.setObject(1, ck);
            ps.setString(2, ck == null ? "X" : "C" + ck);
            ps.setString(3, type);
            ps.setLong(4, seconds(time));
            ps.executeUpdate();
        }
    }

    private void exec(String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static Long day(String iso) {
        return iso == null ? null : LocalDate.parse(iso).toEpochDay();
    }

    private static long seconds(String iso) {
        return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    }
}
