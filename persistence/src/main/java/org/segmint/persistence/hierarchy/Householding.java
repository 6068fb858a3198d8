package org.segmint.persistence.hierarchy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Parents;
import org.segmint.model.hierarchy.Representative;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.MetricsSql;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Householding (SPEC §7): one row per parent of a set of members (a household, an account...) with the member
 * who represents it, chosen by a {@link Representative} rule over the metrics as of a date, and how many members
 * the parent has. A member with an empty parent id is a parent of its own.
 */
public final class Householding {
    /** Header of the column holding how many members a parent has. */
    public static final String SIZE = "size";

    private final Workspace workspace;
    private final Levels levels;

    public Householding(Workspace workspace, Levels levels) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.levels = Objects.requireNonNull(levels, "levels");
    }

    /**
     * One parent among the members.
     *
     * @param parentId       the parent id; null for a member who is a parent of its own (empty id)
     * @param representative the representative's customer key
     * @param size           members with this parent
     */
    public record Household(String parentId, int representative, long size) {
    }

    /** The parents of {@code members} at {@code level}, in the order of their representatives' customer keys. */
    public List<Household> of(RoaringBitmap members, HierarchyLevel level, Representative rule, LocalDate asOf,
                              Cancellation cancel) {
        Map<Integer, Representative.Candidate> candidates = candidates(members, asOf, cancel);
        Map<Integer, Representative.Candidate> best = new HashMap<>();
        Map<Integer, Long> sizes = new HashMap<>();
        Parents parents = level.isCustomer() ? null : levels.parents(level);
        for (PeekableIntIterator it = members.getIntIterator(); it.hasNext(); ) {
            int ck = it.next();
            Representative.Candidate c = candidates.get(ck);
            if (c == null) {
                continue; // a key that is no customer
            }
            int parent = parents == null ? ck : parents.parentOf(ck);
            sizes.merge(parent, 1L, Long::sum);
            best.merge(parent, c, (a, b) -> rule.beats(b, a) ? b : a);
        }
        List<Household> households = new ArrayList<>();
        best.forEach((parent, c) -> households.add(new Household(parents == null ? null : parents.id(parent), c.ck(),
                sizes.get(parent))));
        households.sort((a, b) -> Integer.compare(a.representative(), b.representative()));
        return households;
    }

    /**
     * Writes the householding export: the level's column (the parent id), the representative's {@code customer_id}
     * and other {@code columns}, and {@value #SIZE}; one row per parent. Returns the number of rows.
     */
    public long write(RoaringBitmap members, HierarchyLevel level, Representative rule, LocalDate asOf,
                      List<Field> columns, Path file, MemberExport.CsvOptions options, Cancellation cancel) {
        List<Household> households = of(members, level, rule, asOf, cancel);
        Map<Integer, Household> byRepresentative = new HashMap<>();
        RoaringBitmap representatives = new RoaringBitmap();
        for (Household h : households) {
            byRepresentative.put(h.representative(), h);
            representatives.add(h.representative());
        }
        List<Field> chosen = exportColumns(columns, level);
        List<String> before = level.isCustomer() ? List.of() : List.of(level.column());
        MemberExport.Frame frame = new MemberExport.Frame(before, List.of(SIZE), ck -> {
            Household h = byRepresentative.get(ck);
            return level.isCustomer() ? List.of() : List.of(h.parentId() == null ? "" : h.parentId());
        }, ck -> List.of(Long.toString(byRepresentative.get(ck).size())));
        try (OutputFile out = OutputFile.open(file)) {
            long rows;
            try {
                rows = new MemberExport(workspace).write(representatives, chosen, out.writer(), options, cancel, frame);
            } catch (IOException e) {
                throw OutputFile.failure(file, e);
            }
            out.commit();
            return rows;
        }
    }

    /** customer_id first, then the other chosen columns; the level's own column is written once, first. */
    private List<Field> exportColumns(List<Field> columns, HierarchyLevel level) {
        Field id = workspace.catalog().field(Catalog.CUSTOMERS, "customer_id").orElseThrow();
        List<Field> chosen = new ArrayList<>();
        chosen.add(id);
        for (Field f : columns) {
            boolean levelColumn = !level.isCustomer() && f.table().equals(Catalog.CUSTOMERS)
                    && f.column().equals(level.column());
            if (!f.equals(id) && !levelColumn && !chosen.contains(f)) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    /** customer_id, lifetime revenue, first and last order date of every member, as of {@code asOf}. */
    private Map<Integer, Representative.Candidate> candidates(RoaringBitmap members, LocalDate asOf,
                                                              Cancellation cancel) {
        boolean stored = workspace.setting(DerivedData.METRICS_AS_OF).map(asOf.toString()::equals).orElse(false);
        // The metrics SELECT's columns are unnamed expressions: a CTE column list names them.
        String sql = (stored ? "" : "WITH metrics_as_of(" + MetricsSql.COLUMNS + ") AS (" + MetricsSql.select() + ") ")
                + "SELECT c.ck, c.customer_id, m.first_order_date, m.last_order_date, m.revenue FROM customers c"
                + " JOIN " + (stored ? "metrics" : "metrics_as_of") + " m ON m.ck = c.ck";
        Map<Integer, Representative.Candidate> candidates = new HashMap<>();
        try (PreparedStatement ps = workspace.connection().prepareStatement(sql)) {
            if (!stored) {
                MetricsSql.bind(ps, asOf);
            }
            try (ResultSet rs = ps.executeQuery()) {
                long rows = 0;
                while (rs.next()) {
                    if ((++rows & 0xFFFF) == 0) {
                        cancel.throwIfCancelled();
                    }
                    int ck = rs.getInt(1);
                    if (!members.contains(ck)) {
                        continue;
                    }
                    candidates.put(ck, new Representative.Candidate(ck, rs.getString(2), rs.getDouble(5),
                            nullableLong(rs, 3), nullableLong(rs, 4)));
                }
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read the members' metrics (" + e.getMessage() + ")", e);
        }
        return candidates;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
