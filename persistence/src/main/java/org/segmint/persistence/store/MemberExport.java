package org.segmint.persistence.store;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Writes customers (a set of customer keys) as CSV: UTF-8, a header row, RFC 4180 quoting, optionally a
 * byte order mark for spreadsheet tools. Columns are per-customer attributes: {@code customers.*},
 * {@code metrics.*} or a column of another imported table keyed by {@code customer_id}. Dates are written
 * as ISO dates, datetimes as ISO date-times, booleans as true/false.
 */
public final class MemberExport {
    /** Tables with many rows per customer (tags included): their columns are not one value per member. */
    private static final Set<String> EVENT_TABLES = Set.of(Catalog.ORDERS, Catalog.ORDER_ITEMS, Catalog.EVENTS,
            "tags");

    private final Workspace ws;

    public MemberExport(Workspace ws) {
        this.ws = ws;
    }

    /** customer_id, and email when the workspace has it. */
    public List<Field> defaultColumns() {
        Catalog catalog = ws.catalog();
        List<Field> columns = new ArrayList<>();
        catalog.field(Catalog.CUSTOMERS, "customer_id").ifPresent(columns::add);
        catalog.field(Catalog.CUSTOMERS, "email").ifPresent(columns::add);
        return columns;
    }

    /** Resolves {@code table.column} names (a bare name is a customers column) against the catalog. */
    public List<Field> columns(List<String> names) {
        Catalog catalog = ws.catalog();
        List<Field> columns = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            String id = name.contains(".") ? name : Catalog.CUSTOMERS + "." + name;
            Field f = catalog.field(id).orElseThrow(() -> new WorkspaceException("Unknown column '" + name
                    + "' (customers columns: " + catalog.fields(Catalog.CUSTOMERS).stream().map(Field::column)
                    .collect(Collectors.joining(", ")) + ")"));
            if (EVENT_TABLES.contains(f.table())) {
                throw new WorkspaceException("Column '" + name + "' has many rows per customer; choose customers.*,"
                        + " metrics.* or another per-customer column");
            }
            columns.add(f);
        }
        if (columns.isEmpty()) {
            throw new WorkspaceException("No columns to export");
        }
        return columns;
    }

    /** How the CSV is written: a byte order mark, cells made safe for spreadsheets. */
    public record CsvOptions(boolean bom, boolean safeCells) {
        public static final CsvOptions PLAIN = new CsvOptions(false, false);

        /**
         * A cell a spreadsheet would read as a formula ({@code = + - @}, or a tab or carriage return first) starts
         * with an apostrophe, which spreadsheets show as text and do not run. Numbers such as -5 stay as they are.
         */
        public static String safe(String cell) {
            if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
                return cell;
            }
            return "'" + cell;
        }

        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
                "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    /** Writes the members to {@code file} (see {@link OutputFile}) and returns the number of rows. */
    public long write(RoaringBitmap members, List<Field> columns, Path file, CsvOptions options, Cancellation cancel) {
        try (OutputFile out = OutputFile.open(file)) {
            long rows;
            try {
                rows = write(members, columns, out.writer(), options, cancel);
            } catch (IOException e) {
                throw OutputFile.failure(file, e);
            }
            out.commit();
            return rows;
        }
    }

    /**
     * Customer columns keep their plain names in the header ({@code email}), as a mailing tool expects; other
     * attributes keep their table ({@code metrics.orders}), which tells them apart from a customer column.
     */
    public static String header(Field field) {
        return Catalog.CUSTOMERS.equals(field.table()) ? field.column() : field.id();
    }

    /**
     * Cells written before and after each member's columns (householding adds the parent id and the size).
     *
     * @param headersBefore headers of the cells before the columns
     * @param headersAfter  headers of the cells after them
     * @param before        the cells before, by customer key
     * @param after         the cells after, by customer key
     */
    public record Frame(List<String> headersBefore, List<String> headersAfter, IntFunction<List<String>> before,
                       IntFunction<List<String>> after) {
        /** No cells around the columns. */
        public static final Frame NONE = new Frame(List.of(), List.of(), ck -> List.of(), ck -> List.of());
    }

    /** Writes header and rows in customer-key order; returns the number of rows. */
    public long write(RoaringBitmap members, List<Field> columns, Writer out, CsvOptions options,
                      Cancellation cancel) throws IOException {
        return write(members, columns, out, options, cancel, Frame.NONE);
    }

    /** Writes header and rows in customer-key order, with {@code frame}'s cells around; returns the rows. */
    public long write(RoaringBitmap members, List<Field> columns, Writer out, CsvOptions options,
                      Cancellation cancel, Frame frame) throws IOException {
        if (options.bom()) {
            out.write('\uFEFF');
        }
        List<String> headers = new ArrayList<>(frame.headersBefore());
        columns.forEach(f -> headers.add(header(f)));
        headers.addAll(frame.headersAfter());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).build();
        String sql = "SELECT c.ck, " + columns.stream().map(MemberExport::expression).collect(Collectors.joining(", "))
                + " FROM customers c LEFT JOIN metrics m ON m.ck = c.ck ORDER BY c.ck";
        long rows = 0;
        CSVPrinter printer = new CSVPrinter(out, format);
        try (PreparedStatement ps = ws.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> record = new ArrayList<>(columns.size());
            while (rs.next()) {
                if (!members.contains(rs.getInt(1))) {
                    continue;
                }
                if ((rows & 0xFFF) == 0) {
                    cancel.throwIfCancelled();
                }
                record.clear();
                int ck = rs.getInt(1);
                for (String cell : frame.before().apply(ck)) {
                    record.add(options.safeCells() ? CsvOptions.safe(cell) : cell);
                }
                for (int i = 0; i < columns.size(); i++) {
                    String cell = text(columns.get(i), rs.getObject(i + 2));
                    record.add(options.safeCells() ? CsvOptions.safe(cell) : cell);
                }
                record.addAll(frame.after().apply(ck));
                printer.printRecord(record);
                rows++;
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the members (" + e.getMessage() + ")", e);
        }
        printer.flush();
        return rows;
    }

    /** Most customers {@link #cells} reads at once (one page of a table on screen). */
    public static final int MAX_CELL_ROWS = 1_000;

    /**
     * The cells of the customers {@code cks}, in that order, for {@code columns}, written as in the CSV (without
     * spreadsheet protection): one page of a members table. A key that is no customer gives empty cells.
     */
    public List<List<String>> cells(int[] cks, List<Field> columns) {
        if (cks.length > MAX_CELL_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_CELL_ROWS + " rows at once");
        }
        java.util.Map<Integer, List<String>> byKey = new java.util.HashMap<>();
        if (cks.length > 0) {
            String sql = "SELECT c.ck" + columns.stream().map(f -> ", " + expression(f)).collect(Collectors.joining())
                    + " FROM customers c LEFT JOIN metrics m ON m.ck = c.ck WHERE c.ck IN ("
                    + String.join(", ", java.util.Collections.nCopies(cks.length, "?")) + ")";
            try (PreparedStatement ps = ws.connection().prepareStatement(sql)) {
                for (int i = 0; i < cks.length; i++) {
                    ps.setInt(i + 1, cks[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            row.add(text(columns.get(i), rs.getObject(i + 2)));
                        }
                        byKey.put(rs.getInt(1), row);
                    }
                }
            } catch (SQLException e) {
                throw new WorkspaceException("Cannot read the members (" + e.getMessage() + ")", e);
            }
        }
        List<List<String>> rows = new ArrayList<>(cks.length);
        List<String> empty = java.util.Collections.nCopies(columns.size(), "");
        for (int ck : cks) {
            rows.add(byKey.getOrDefault(ck, empty));
        }
        return rows;
    }

    /** The SQL expression of a column over {@code customers c LEFT JOIN metrics m}; identifiers from the catalog. */
    public static String expression(Field f) {
        String column = Identifiers.quote(f.column());
        if (f.table().equals(Catalog.CUSTOMERS)) {
            return "c." + column;
        }
        if (f.table().equals(Catalog.METRICS)) {
            return "m." + column;
        }
        String table = Identifiers.quote(f.table());
        return "(SELECT t." + column + " FROM " + table + " t WHERE t.\"customer_id\" = c.\"customer_id\" LIMIT 1)";
    }

    /** The CSV text of a stored value, by the column's type (see FieldType for the storage). */
    public static String text(Field f, Object value) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Number n)) {
            return value.toString();
        }
        switch (f.type()) {
            case DATE:
                return LocalDate.ofEpochDay(n.longValue()).toString();
            case DATETIME:
                return LocalDateTime.ofEpochSecond(n.longValue(), 0, ZoneOffset.UTC).toString();
            case BOOLEAN:
                return n.longValue() != 0 ? "true" : "false";
            default:
                if (value instanceof Double || value instanceof Float) {
                    double d = n.doubleValue();
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return "";
                    }
                    // Sums stored as REAL carry binary noise (19932.739999999998): ten decimals are plenty.
                    return BigDecimal.valueOf(d).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros()
                            .toPlainString();
                }
                return value.toString();
        }
    }
}
