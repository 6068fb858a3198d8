package org.segmint.persistence.insight;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Workspace;

/** A small hand-made workspace whose insights are known exactly; see each row's comment. */
public final class InsightFixture {
    public static final LocalDate AS_OF = LocalDate.of(2011, 12, 9);

    private InsightFixture() {
    }

    public static Workspace create(Path file) throws SQLException {
        Workspace ws = Workspace.create(file);
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        ws.addColumn("customers", "email_opt_in", FieldType.BOOLEAN, null);
        ws.addColumn("customers", "phone", FieldType.TEXT, null);
        ws.addColumn("customers", "postal_code", FieldType.TEXT, null);
        ws.addColumn("customers", "tier", FieldType.TEXT, null);
        ws.addColumn("customers", "age", FieldType.INTEGER, null);
        ws.addColumn("customers", "signup_date", FieldType.DATE, null);
        customer(ws, 1, "a@x.org", 1, "", "1000", "gold", 34, "2010-01-15");
        customer(ws, 2, "", 0, "555", null, "silver", 51, "2010-02-01");
        customer(ws, 3, "b@x.org", "yes", null, null, "gold", 18, "2010-01-31");
        customer(ws, 4, null, null, null, null, null, null, null);
        customer(ws, 5, null, null, null, null, "bronze", 99, "2011-07-04");
        order(ws, "o1", 1, "2011-12-09", 100, 2);   // last day of the 12-month window
        order(ws, "o2", 1, "2010-12-10", 50, 1);    // first day of the window
        order(ws, "o3", 1, "2010-12-09", 1000, 10); // the day before: trend only
        order(ws, "o4", 2, "2011-06-01", 30, 3);    // one order on two rows
        order(ws, "o4", 2, "2011-06-01", 10, 1);
        order(ws, "o5", 3, "2011-12-10", 70, 1);    // after the as-of date
        order(ws, "o6", 4, "2009-12-31", 5, 1);     // before the 24-month trend
        order(ws, "o7", null, "2011-05-05", 999, 9); // orphan: no customer
        return ws;
    }

    private static void customer(Workspace ws, int ck, String email, Object optIn, String phone, String postal,
                                 String tier, Integer age, String signup) throws SQLException {
        try (PreparedStatement ps = ws.connection().prepareStatement("INSERT INTO customers(ck, customer_id, email,"
                + " email_opt_in, phone, postal_code, tier, age, signup_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, ck);
            ps.setString(2, "C" + ck);
            ps.setString(3, email);
            ps.setObject(4, optIn);
            ps.setString(5, phone);
            ps.setString(6, postal);
            ps.setString(7, tier);
            ps.setObject(8, age);
            ps.setObject(9, signup == null ? null : LocalDate.parse(signup).toEpochDay());
            ps.executeUpdate();
        }
    }

    public static void order(Workspace ws, String id, Integer ck, String date, double revenue, double units)
            throws SQLException {
        try (PreparedStatement ps = ws.connection().prepareStatement("INSERT INTO orders(order_id, ck, customer_id,"
                + " order_date, revenue, units) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setObject(2, ck);
            ps.setString(3, ck == null ? "X" : "C" + ck);
            ps.setLong(4, LocalDate.parse(date).toEpochDay());
            ps.setDouble(5, revenue);
            ps.setDouble(6, units);
            ps.executeUpdate();
        }
    }
}
