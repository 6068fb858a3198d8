package org.segmint.persistence.reference;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;

/**
 * Small random workspaces for property tests, the same for the same seed: 20–80 customers with extra
 * columns of every type (text in mixed case with '' and NULL, LIKE wildcards and non-ASCII letters,
 * integers, decimals, dates with Feb 29 and month ends, datetimes, booleans), 0–15 orders each with
 * 1–3 items, events of four types with tied times, orphan rows of unknown customers, static groups
 * (one empty) and lists by customer id and by email. Money is in quarters so that sums are exact in
 * binary floating point, in SQL and in Java alike.
 */
public final class RandomWorkspaces {
    /** The first day of the data; orders and events fall in the three years from here. */
    public static final LocalDate START = LocalDate.of(2022, 1, 1);
    public static final int DAYS = 3 * 365 + 1;
    public static final List<String> EVENT_TYPES = List.of("view", "cart", "purchase", "signup");
    public static final List<String> GROUPS = List.of("VIP list", "Call back", "Nobody yet");
    public static final List<String> LISTS = List.of("Newsletter emails", "Imported ids");

    private static final String[] CITIES = {"London", "london", "LONDON", "Paris", "São Paulo", "SÃO PAULO",
        "50%_club", "New York", "Ärhus", "", null};
    private static final String[] CATEGORIES = {"Rock", "rock", "Jazz", "Blues & Soul", "100%_cotton", "Émigré", "",
        null};
    private static final String[] CHANNELS = {"web", "Web", "store", "", null};
    private static final String[] PAGES = {"home", "Home", "/sale", "/sale/50%", "", null};
    private static final LocalDate[] SPECIAL_DAYS = {LocalDate.of(1992, 2, 29), LocalDate.of(2000, 2, 29),
        LocalDate.of(1990, 2, 28), LocalDate.of(1985, 12, 31), LocalDate.of(1999, 1, 1), LocalDate.of(1970, 1, 1),
        LocalDate.of(2024, 2, 29), LocalDate.of(2023, 3, 31), LocalDate.of(1988, 1, 2), LocalDate.of(1995, 12, 28)};

    private final Random random;
    private final Connection c;
    private int orderNumber;

    private RandomWorkspaces(long seed, Connection c) {
        this.random = new Random(seed);
        this.c = c;
    }

    /** Creates the workspace file and fills it; the caller closes the workspace. */
    public static Workspace create(Path file, long seed) {
        Workspace ws = Workspace.create(file);
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        ws.addColumn("customers", "city", FieldType.TEXT, null);
        ws.addColumn("customers", "age", FieldType.INTEGER, null);
        ws.addColumn("customers", "score", FieldType.DECIMAL, null);
        ws.addColumn("customers", "birthday", FieldType.DATE, null);
        ws.addColumn("customers", "signed_up_at", FieldType.DATETIME, null);
        ws.addColumn("customers", "vip", FieldType.BOOLEAN, null);
        ws.addColumn("customers", "opted_in", FieldType.BOOLEAN, null);
        ws.addColumn("orders", "channel", FieldType.TEXT, null);
        ws.addColumn("order_items", "category", FieldType.TEXT, null);
        ws.addColumn("events", "page", FieldType.TEXT, null);
        try {
            Connection c = ws.connection();
            c.setAutoCommit(false);
            new RandomWorkspaces(seed, c).fill();
            c.commit();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // Relinks keys, fills derived item and order columns, builds indexes and the metrics table.
        DerivedData.refresh(ws, Progress.NONE);
        return ws;
    }

    private void fill() throws SQLException {
        int customers = 20 + random.nextInt(61);
        List<String> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customers(ck, customer_id, email, city, age, score,"
                + " birthday, signed_up_at, vip, opted_in) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= customers; i++) {
                String id = "C" + (100 + i);
                String domain = pick(0.5) ? "@Example.com" : "@mail.org";
                String email = pick(0.1) ? null : pick(0.05) ? "" : "user" + i + domain;
                ids.add(id);
                emails.add(email);
                ps.setLong(1, i);
                ps.setString(2, id);
                ps.setString(3, email);
                ps.setString(4, CITIES[random.nextInt(CITIES.length)]);
                ps.setObject(5, pick(0.15) ? null : (Object) (long) (16 + random.nextInt(70)));
                ps.setObject(6, pick(0.15) ? null : (Object) (quarters(-40, 400)));
                ps.setObject(7, pick(0.15) ? null : (Object) birthday().toEpochDay());
                ps.setObject(8, pick(0.15) ? null : (Object) seconds(time()));
                ps.setObject(9, pick(0.2) ? null : (Object) (long) random.nextInt(2));
                ps.setObject(10, pick(0.1) ? null : (Object) (long) random.nextInt(2));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (int i = 1; i <= customers; i++) {
            int orders = random.nextInt(16);
            for (int o = 0; o < orders; o++) {
                order((long) i, ids.get(i - 1));
            }
            int events = random.nextInt(13);
            LocalDateTime base = time();
            for (int e = 0; e < events; e++) {
                // Half of the events cluster around one moment (ties and short gaps for sequences).
                LocalDateTime t = pick(0.5) ? base.plusHours(random.nextInt(72) - 24) : time();
                event((long) i, ids.get(i - 1), pick(0.15) ? base : t);
            }
        }
        for (int o = 0; o < 5; o++) {
            order(null, "GHOST-" + o);
            event(null, "GHOST-" + o, time());
        }
        groupsAndLists(ids, emails);
    }

    private void order(Long ck, String customerId) throws SQLException {
        String orderId = pick(0.04) ? null : "O" + (++orderNumber);
        LocalDate date = START.plusDays(random.nextInt(DAYS));
        int lines = 1 + random.nextInt(3);
        double revenue = 0;
        double units = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_items(order_id, ck, customer_id,"
                + " order_date, product_id, quantity, unit_price, revenue, category)"
                + " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int l = 0; orderId != null && l < lines; l++) {
                long quantity = 1 + random.nextInt(4);
                double price = quarters(1, 120);
                revenue += quantity * price;
                units += quantity;
                ps.setString(1, orderId);
                ps.setObject(2, ck);
                ps.setString(3, customerId);
                ps.setLong(4, date.toEpochDay());
                ps.setString(5, "P" + random.nextInt(6));
                ps.setDouble(6, quantity);
                ps.setDouble(7, price);
                ps.setDouble(8, quantity * price);
                ps.setString(9, CATEGORIES[random.nextInt(CATEGORIES.length)]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders(order_id, ck, customer_id, order_date,"
                + " revenue, units, channel) VALUES(?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, orderId);
            ps.setObject(2, ck);
            ps.setString(3, customerId);
            ps.setLong(4, date.toEpochDay());
            ps.setObject(5, pick(0.05) ? null : (Object) (orderId == null ? quarters(1, 200) : revenue));
            ps.setObject(6, orderId == null ? (Object) (double) (1 + random.nextInt(3)) : (Object) units);
            ps.setString(7, CHANNELS[random.nextInt(CHANNELS.length)]);
            ps.executeUpdate();
        }
    }

    private void event(Long ck, String customerId, LocalDateTime time) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO events(ck, customer_id, event_type, event_time,"
                + " page) VALUES(?, ?, ?, ?, ?)")) {
            ps.setObject(1, ck);
            ps.setString(2, customerId);
            ps.setString(3, EVENT_TYPES.get(random.nextInt(EVENT_TYPES.size())));
            ps.setLong(4, seconds(time));
            ps.setString(5, PAGES[random.nextInt(PAGES.length)]);
            ps.executeUpdate();
        }
    }

    private void groupsAndLists(List<String> ids, List<String> emails) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (int g = 0; g < GROUPS.size(); g++) {
                st.executeUpdate("INSERT INTO sg_groups(id, name, kind, created_at, updated_at) VALUES(" + (g + 1)
                        + ", '" + GROUPS.get(g) + "', 'static', '2025-01-01T00:00', '2025-01-01T00:00')");
            }
            st.executeUpdate("INSERT INTO sg_lists(id, name, match_on, created_at) VALUES(1, '" + LISTS.get(0)
                    + "', 'email', '2025-01-01T00:00'),"
                    + " (2, '" + LISTS.get(1) + "', 'customer_id', '2025-01-01T00:00')");
        }
        try (PreparedStatement group = c.prepareStatement(
                "INSERT OR IGNORE INTO sg_group_members(group_id, customer_id) VALUES(?, ?)");
             PreparedStatement list = c.prepareStatement(
                     "INSERT OR IGNORE INTO sg_list_members(list_id, value) VALUES(?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                for (int g = 1; g <= 2; g++) {
                    if (pick(0.3)) {
                        insert(group, g, ids.get(i));
                    }
                }
                if (pick(0.3) && emails.get(i) != null && !emails.get(i).isEmpty()) {
                    insert(list, 1, emails.get(i));
                }
                if (pick(0.3)) {
                    insert(list, 2, ids.get(i));
                }
            }
            // Members nobody matches: a removed customer, an email of nobody.
            insert(group, 1, "C999");
            insert(list, 1, "nobody@example.com");
            insert(list, 2, "C998");
        }
    }

    private static void insert(PreparedStatement ps, int id, String value) throws SQLException {
        ps.setInt(1, id);
        ps.setString(2, value);
        ps.executeUpdate();
    }

    private boolean pick(double probability) {
        return random.nextDouble() < probability;
    }

    private double quarters(int from, int to) {
        return from + random.nextInt((to - from) * 4) / 4.0;
    }

    private LocalDate birthday() {
        if (pick(0.4)) {
            return SPECIAL_DAYS[random.nextInt(SPECIAL_DAYS.length)];
        }
        LocalDate d = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1);
        return pick(0.3) ? d.withDayOfMonth(d.lengthOfMonth()) : d.plusDays(random.nextInt(d.lengthOfMonth()));
    }

    private LocalDateTime time() {
        LocalDate day = START.plusDays(random.nextInt(DAYS));
        if (pick(0.2)) {
            return day.atStartOfDay();
        }
        if (pick(0.1)) {
            return day.atTime(23, 59, 59);
        }
        return day.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
    }

    private static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }
}
