package org.segmint.persistence.reference;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.segmint.model.catalog.FieldType;

/**
 * A workspace's data as plain Java objects: every row of the data tables as a map of column to value
 * (Long, Double, String or null, as SQLite returns them), the column types of the catalog, and the
 * members of groups and lists. Read with {@code SELECT *} and nothing else.
 */
final class ReferenceData {
    /** One row of a table, by column name. */
    record Row(Map<String, Object> values) {
        Object get(String column) {
            return values.get(column);
        }

        Long ck() {
            Object ck = values.get("ck");
            return ck == null ? null : ((Number) ck).longValue();
        }
    }

    /** An uploaded list: what its values match ({@code customer_id} or {@code email}) and the values. */
    record MemberList(String matchOn, Set<String> values) {
    }

    final List<Row> customers;
    final List<Row> orders;
    final List<Row> items;
    final List<Row> events;
    final Map<String, FieldType> types;
    final Map<String, Set<String>> groups;
    final Map<String, MemberList> lists;

    private ReferenceData(Connection c) throws SQLException {
        customers = rows(c, "SELECT * FROM customers");
        orders = rows(c, "SELECT * FROM orders");
        items = rows(c, "SELECT * FROM order_items");
        events = rows(c, "SELECT * FROM events");
        types = new HashMap<>();
        for (Row r : rows(c, "SELECT * FROM sg_columns")) {
            String type = (String) r.get("type");
            types.put(r.get("table_name") + "." + r.get("column_name"),
                    FieldType.fromJson(type).orElseThrow(() -> new IllegalStateException("type " + type)));
        }
        groups = new HashMap<>();
        Map<Object, String> groupNames = new HashMap<>();
        for (Row r : rows(c, "SELECT * FROM sg_groups")) {
            groupNames.put(r.get("id"), (String) r.get("name"));
            groups.put((String) r.get("name"), new HashSet<>());
        }
        for (Row r : rows(c, "SELECT * FROM sg_group_members")) {
            groups.get(groupNames.get(r.get("group_id"))).add((String) r.get("customer_id"));
        }
        lists = new HashMap<>();
        Map<Object, String> listNames = new HashMap<>();
        for (Row r : rows(c, "SELECT * FROM sg_lists")) {
            listNames.put(r.get("id"), (String) r.get("name"));
            lists.put((String) r.get("name"), new MemberList((String) r.get("match_on"), new HashSet<>()));
        }
        for (Row r : rows(c, "SELECT * FROM sg_list_members")) {
            lists.get(listNames.get(r.get("list_id"))).values().add((String) r.get("value"));
        }
    }

    static ReferenceData load(Connection c) {
        try {
            return new ReferenceData(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the workspace: " + e.getMessage(), e);
        }
    }

    private static List<Row> rows(Connection c, String sql) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnName(i), plain(rs.getObject(i)));
                }
                rows.add(new Row(values));
            }
        }
        return rows;
    }

    /** SQLite hands back Integer or Long for integers; keep one type of each kind. */
    private static Object plain(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        return value;
    }

    FieldType type(String field) {
        FieldType type = types.get(field);
        if (type == null) {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return type;
    }
}
