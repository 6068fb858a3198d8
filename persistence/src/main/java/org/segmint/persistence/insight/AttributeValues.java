package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.members.PerCustomer;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * One customer attribute for every customer key: numbers as doubles (NaN = empty), dates as epoch days
 * (datetimes by their date), everything else as codes into a dictionary of texts (-1 = empty).
 */
final class AttributeValues {
    final Field field;
    final double[] numbers;
    final int[] codes;
    final List<String> dictionary;

    private AttributeValues(Field field, double[] numbers, int[] codes, List<String> dictionary) {
        this.field = field;
        this.numbers = numbers;
        this.codes = codes;
        this.dictionary = dictionary;
    }

    boolean numeric() {
        return numbers != null;
    }

    static AttributeValues load(Connection c, Field field, int maxCk) {
        if (!PerCustomer.holds(field)) {
            throw new WorkspaceException("Breakdown by '" + field.id() + "': it has many rows per customer; choose"
                    + " customers.*, metrics.* or a column of another per-customer table");
        }
        boolean numeric = field.type().isNumeric() || field.type().isTemporal();
        double[] numbers = numeric ? new double[maxCk + 1] : null;
        int[] codes = numeric ? null : new int[maxCk + 1];
        if (numeric) {
            Arrays.fill(numbers, Double.NaN);
        } else {
            Arrays.fill(codes, -1);
        }
        List<String> dictionary = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        String sql = PerCustomer.select(field);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int ck = rs.getInt(1);
                if (ck < 0 || ck > maxCk) {
                    continue;
                }
                Object v = rs.getObject(2);
                if (v == null || "".equals(v)) {
                    continue;
                }
                if (numeric) {
                    numbers[ck] = number(field, v);
                } else {
                    String text = text(field, v);
                    codes[ck] = index.computeIfAbsent(text, t -> {
                        dictionary.add(t);
                        return dictionary.size() - 1;
                    });
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read " + field.id() + " (" + e.getMessage() + ")", e);
        }
        return new AttributeValues(field, numbers, codes, dictionary);
    }

    private static double number(Field field, Object v) {
        if (!(v instanceof Number n)) {
            return Double.NaN;
        }
        if (field.type() == FieldType.DATETIME) {
            return Math.floorDiv(n.longValue(), 86_400L);
        }
        return n.doubleValue();
    }

    private static String text(Field field, Object v) {
        if (field.type() == FieldType.BOOLEAN && v instanceof Number n) {
            return n.longValue() != 0 ? "true" : "false";
        }
        return v.toString();
    }
}
