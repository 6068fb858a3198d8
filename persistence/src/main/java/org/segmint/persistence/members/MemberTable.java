package org.segmint.persistence.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The members of a segment as a table that a screen pages through: the order of the members (by customer key, or
 * sorted on any per-customer column) and the cells of one page at a time, written as the CSV export writes them.
 * Sorting reads the column once per data version (one value per customer key), then sorts the members' keys with
 * two primitive sorts: a million members in a few hundred milliseconds. Use from one thread at a time per call;
 * the cached columns are shared safely.
 */
public final class MemberTable {
    private static final int CACHED_COLUMNS = 8;
    private final Workspace workspace;
    private final Map<String, SortKeys> keys = new HashMap<>();
    private long version = -1;

    public MemberTable(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The members in customer-key order. */
    public static int[] inKeyOrder(RoaringBitmap members) {
        return members.toArray();
    }

    /**
     * The members sorted on {@code field}: values in {@code order}, empty values last, ties by customer key.
     */
    public int[] sorted(RoaringBitmap members, Field field, SortOrder order, Cancellation cancel) {
        SortKeys k = keys(field, cancel);
        int[] cks = members.toArray();
        long[] packed = new long[cks.length];
        long emptyRank = k.ranks();
        for (int i = 0; i < cks.length; i++) {
            int ck = cks[i];
            long rank = k.rank(ck);
            if (rank < 0) {
                rank = emptyRank;
            } else if (order == SortOrder.DESCENDING) {
                rank = emptyRank - 1 - rank;
            }
            packed[i] = rank << 32 | (ck & 0xFFFFFFFFL);
        }
        cancel.throwIfCancelled();
        Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            cks[i] = (int) packed[i];
        }
        return cks;
    }

    /**
     * The cells of the customers {@code cks} (in that order) for {@code columns}, as the CSV export writes them
     * (ISO dates, plain decimals, empty for no value).
     */
    public List<List<String>> rows(int[] cks, List<Field> columns) {
        return new MemberExport(workspace).cells(cks, columns);
    }

    private synchronized SortKeys keys(Field field, Cancellation cancel) {
        long v = workspace.dataVersion();
        if (v != version) {
            keys.clear();
            version = v;
        }
        SortKeys k = keys.get(field.id());
        if (k == null) {
            if (keys.size() >= CACHED_COLUMNS) {
                keys.clear();
            }
            k = SortKeys.load(workspace, field, cancel);
            keys.put(field.id(), k);
        }
        return k;
    }

    /** Each customer key's rank among the column's distinct values (-1 = empty). */
    private static final class SortKeys {
        private final int[] rankOf;
        private final int ranks;

        private SortKeys(int[] rankOf, int ranks) {
            this.rankOf = rankOf;
            this.ranks = ranks;
        }

        int ranks() {
            return ranks;
        }

        int rank(int ck) {
            return ck >= 0 && ck < rankOf.length ? rankOf[ck] : -1;
        }

        static SortKeys load(Workspace ws, Field field, Cancellation cancel) {
            boolean numeric = field.type().isNumeric() || field.type().isTemporal()
                    || field.type() == FieldType.BOOLEAN;
            int size = maxCustomerKey(ws) + 1;
            double[] numbers = numeric ? new double[size] : null;
            String[] texts = new String[size];
            boolean[] present = new boolean[size];
            int n = 0;
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery(PerCustomer.select(field))) {
                while (rs.next()) {
                    Object v = rs.getObject(2);
                    int ck = rs.getInt(1);
                    if (v == null || "".equals(v) || ck < 0 || ck >= size) {
                        continue;
                    }
                    if (numeric && v instanceof Number number) {
                        numbers[ck] = number.doubleValue();
                    } else {
                        // Text, or text stored in a numeric column: sorts as text, after the numbers.
                        texts[ck] = v.toString();
                    }
                    present[ck] = true;
                    if ((++n & 0xFFFF) == 0) {
                        cancel.throwIfCancelled();
                    }
                }
            } catch (SQLException e) {
                throw new WorkspaceException("Cannot read " + field.id() + " (" + e.getMessage() + ")", e);
            }
            double[] distinctNumbers = new double[0];
            if (numeric) {
                double[] all = new double[n];
                int m = 0;
                for (int ck = 0; ck < size; ck++) {
                    if (present[ck] && texts[ck] == null) {
                        all[m++] = numbers[ck];
                    }
                }
                distinctNumbers = distinct(Arrays.copyOf(all, m));
            }
            String[] distinctTexts = Arrays.stream(texts).filter(Objects::nonNull).distinct().sorted()
                    .toArray(String[]::new);
            int[] rankOf = new int[size];
            Arrays.fill(rankOf, -1);
            for (int ck = 0; ck < size; ck++) {
                if (!present[ck]) {
                    continue;
                }
                rankOf[ck] = texts[ck] == null ? Arrays.binarySearch(distinctNumbers, numbers[ck])
                        : distinctNumbers.length + Arrays.binarySearch(distinctTexts, texts[ck]);
            }
            return new SortKeys(rankOf, distinctNumbers.length + distinctTexts.length);
        }

        private static int maxCustomerKey(Workspace ws) {
            try (Statement st = ws.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(ck), -1) FROM customers")) {
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new WorkspaceException("Cannot read the customers (" + e.getMessage() + ")", e);
            }
        }

        private static double[] distinct(double[] values) {
            double[] sorted = values;
            Arrays.sort(sorted);
            int m = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || Double.compare(sorted[i], sorted[m - 1]) != 0) {
                    sorted[m++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, m);
        }
    }
}
