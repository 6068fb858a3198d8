package org.segmint.persistence.insight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.columns.Column;
import org.segmint.persistence.columns.Columns;
import org.segmint.persistence.columns.NumberColumn;
import org.segmint.persistence.columns.TextColumn;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.WorkspaceException;

/** One byte per customer key: bit i set = reachable through channel i of {@link ReachabilityColumns}. */
final class ReachabilityFlags {
    private final ReachabilityColumns columns;
    private final byte[] flags;

    private ReachabilityFlags(ReachabilityColumns columns, byte[] flags) {
        this.columns = columns;
        this.flags = flags;
    }

    /** The SQL condition "this column says reachable": a non-empty value, or a true opt-in. */
    static String test(Field f, boolean optIn, String alias) {
        String col = alias + Identifiers.quote(f.column());
        if (optIn) {
            // Opt-ins are booleans (stored 0/1) in most workspaces, but imported text like 'yes' counts too.
            return "(" + col + " = 1 OR lower(trim(CAST(" + col + " AS TEXT))) IN ('1', 'true', 'yes', 'y'))";
        }
        return "(" + col + " IS NOT NULL AND CAST(" + col + " AS TEXT) <> '')";
    }

    static ReachabilityFlags load(Connection c, ReachabilityColumns columns, int maxCk, Cancellation cancel) {
        List<Field> fields = columns.asList();
        StringBuilder sql = new StringBuilder("SELECT ck, 0");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i) != null) {
                sql.append(" | (CASE WHEN ").append(test(fields.get(i), i == 1, "")).append(" THEN ")
                        .append(1 << i).append(" ELSE 0 END)");
            }
        }
        sql.append(" FROM customers");
        byte[] flags = new byte[maxCk + 1];
        try (Statement st = c.createStatement();
             AutoCloseable hook = cancel.onCancel(() -> Queries.cancelQuietly(st));
             ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                int ck = rs.getInt(1);
                if (ck >= 0 && ck <= maxCk) {
                    flags[ck] = (byte) rs.getInt(2);
                }
            }
        } catch (SQLException e) {
            cancel.throwIfCancelled();
            throw new WorkspaceException("Cannot read the customers (" + e.getMessage() + ")", e);
        } catch (Exception e) {
            throw Queries.rethrow(e);
        }
        return new ReachabilityFlags(columns, flags);
    }

    /**
     * The flags from the customer columns, with the meaning of {@link #test}; null when a column holds values
     * the columns do not keep (text in a number column), which the SQL load then reads.
     */
    static ReachabilityFlags of(Columns data, ReachabilityColumns columns, int size, Cancellation cancel) {
        byte[] flags = new byte[size];
        List<Field> fields = columns.asList();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f == null) {
                continue;
            }
            Column column = data.keyedColumn(f, cancel);
            if (column == null) {
                return null;
            }
            boolean[] passes;
            if (column instanceof TextColumn t) {
                passes = new boolean[t.dictionary().length];
                for (int c = 0; c < passes.length; c++) {
                    passes[c] = i == 1 ? optedIn(t.dictionary()[c]) : !t.dictionary()[c].isEmpty();
                }
                int[] codes = t.codes();
                for (int ck = 0; ck < size; ck++) {
                    int c = codes[ck];
                    if (c >= 0 && passes[c]) {
                        flags[ck] |= (byte) (1 << i);
                    }
                }
            } else {
                double[] values = ((NumberColumn) column).values();
                for (int ck = 0; ck < size; ck++) {
                    double v = values[ck];
                    if (i == 1 && v == NumberColumn.NOT_A_NUMBER) {
                        return null;
                    }
                    if (i == 1 ? v == 1 : !Double.isNaN(v)) {
                        flags[ck] |= (byte) (1 << i);
                    }
                }
            }
        }
        return new ReachabilityFlags(columns, flags);
    }

    /** A text opt-in: {@code '1'}, or {@code true}, {@code yes}, {@code y} in any case, spaces around allowed. */
    private static boolean optedIn(String text) {
        if (text.equals("1")) {
            return true;
        }
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        String t = text.substring(from, to);
        StringBuilder lower = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            lower.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
        }
        String l = lower.toString();
        return l.equals("1") || l.equals("true") || l.equals("yes") || l.equals("y");
    }

    Reachability of(RoaringBitmap members) {
        long[] counts = new long[4];
        long total = 0;
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            total++;
            if (ck < 0 || ck >= flags.length) {
                continue;
            }
            int f = flags[ck];
            for (int i = 0; i < 4; i++) {
                if ((f & (1 << i)) != 0) {
                    counts[i]++;
                }
            }
        }
        List<Field> fields = columns.asList();
        Reachability.Channel[] channels = new Reachability.Channel[4];
        for (int i = 0; i < 4; i++) {
            channels[i] = fields.get(i) == null ? Reachability.Channel.notAvailable()
                    : Reachability.Channel.of(fields.get(i).id(), counts[i], total);
        }
        return new Reachability(channels[0], channels[1], channels[2], channels[3]);
    }
}
