package org.segmint.persistence.hierarchy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.hierarchy.Hierarchy;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.hierarchy.Parents;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Counts at customer, household or account level (SPEC §7): the workspace's {@link Hierarchy} and, per level, every
 * customer's parent ({@link Parents}), read once per data version. Thread-safe.
 */
public final class Levels {
    private final Workspace workspace;
    private final Map<String, Parents> parents = new HashMap<>();
    private long version = -1;

    public Levels(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The workspace's hierarchy. */
    public Hierarchy hierarchy() {
        return HierarchySetting.read(workspace);
    }

    /** The level named {@code text} (see {@link Hierarchy#level}); a {@link WorkspaceException} when unknown. */
    public HierarchyLevel level(String text) {
        try {
            return hierarchy().level(text);
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException(e.getMessage());
        }
    }

    /** The number of distinct customers, households, accounts... among {@code members}. */
    public long count(RoaringBitmap members, HierarchyLevel level) {
        return level.isCustomer() ? members.getLongCardinality() : parents(level).count(members);
    }

    /** The members as units of {@code level}: the customers themselves, or their parents' keys. */
    public RoaringBitmap units(RoaringBitmap members, HierarchyLevel level) {
        return level.isCustomer() ? members.clone() : parents(level).of(members);
    }

    /** Every customer's parent at {@code level} (not the customer level). */
    public synchronized Parents parents(HierarchyLevel level) {
        if (level.isCustomer()) {
            throw new IllegalArgumentException("customers have no parents");
        }
        long v = workspace.dataVersion();
        if (v != version) {
            parents.clear();
            version = v;
        }
        Parents p = parents.get(level.column());
        if (p == null) {
            p = load(level);
            parents.put(level.column(), p);
        }
        return p;
    }

    private Parents load(HierarchyLevel level) {
        if (workspace.catalog().field(Catalog.CUSTOMERS, level.column()).isEmpty()) {
            throw new WorkspaceException("Cannot count " + level.name() + ": customers have no " + level.column()
                    + " column (set the hierarchy again: segmint hierarchy WS set ...)");
        }
        String sql = "SELECT ck, " + Identifiers.quote(level.column()) + " FROM customers ORDER BY ck";
        try (Statement st = workspace.connection().createStatement()) {
            int maxCk;
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(ck), -1) FROM customers")) {
                maxCk = rs.getInt(1);
            }
            int[] parentOf = new int[maxCk + 1];
            Arrays.fill(parentOf, -1);
            List<String> ids = new ArrayList<>();
            Map<String, Integer> keys = new HashMap<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    int ck = rs.getInt(1);
                    String id = rs.getString(2);
                    if (id == null || id.isEmpty()) {
                        ids.add(null);
                        parentOf[ck] = ids.size() - 1;
                    } else {
                        Integer key = keys.get(id);
                        if (key == null) {
                            key = ids.size();
                            ids.add(id);
                            keys.put(id, key);
                        }
                        parentOf[ck] = key;
                    }
                }
            }
            return new Parents(parentOf, ids);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot read " + level.column() + " of the customers (" + e.getMessage()
                    + ")", e);
        }
    }
}
