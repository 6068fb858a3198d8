package org.segmint.persistence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.json.ClusterFiles;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.json.ModelFiles;

/**
 * Finds the saved objects whose definitions refer to a segment, group or list by name, and rewrites
 * those references on rename. Looks at segment definitions, models (entries by name and inline
 * definitions), smart group definitions and, for groups, priority clusters.
 */
public final class UsageFinder {
    /** Every saved object whose definition refers to the segment, group or list {@code name}. */
    public List<Usage> usedIn(Connection c, MembershipCondition.Kind kind, String name) throws SQLException {
        List<Usage> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_segments ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String owner = rs.getString(1);
                boolean self = kind == MembershipCondition.Kind.SEGMENT && owner.equals(name);
                if (!self && refers(ConditionJson.parse(rs.getString(2), "segment '" + owner + "'"), kind, name)) {
                    result.add(new Usage(Usage.Kind.SEGMENT, owner));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_models ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PriorityModel model = ModelFiles.parse(rs.getString(2), "model '" + rs.getString(1) + "'");
                if (modelRefers(model, kind, name)) {
                    result.add(new Usage(Usage.Kind.MODEL, rs.getString(1)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_groups"
                + " WHERE definition IS NOT NULL ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Condition definition = ConditionJson.parse(rs.getString(2), "group '" + rs.getString(1) + "'");
                if (refers(definition, kind, name)) {
                    result.add(new Usage(Usage.Kind.SMART_GROUP, rs.getString(1)));
                }
            }
        }
        if (kind == MembershipCondition.Kind.GROUP) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_clusters ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (ClusterFiles.parse(rs.getString(2), "cluster '" + rs.getString(1) + "'").groups()
                            .contains(name)) {
                        result.add(new Usage(Usage.Kind.CLUSTER, rs.getString(1)));
                    }
                }
            }
        }
        return result;
    }

    /** Points the references of {@code usage} to {@code from} at {@code to}. */
    public void renameIn(Connection c, Usage usage, MembershipCondition.Kind kind, String from, String to)
            throws SQLException {
        switch (usage.kind()) {
            case SEGMENT:
                rewriteDefinition(c, "sg_segments", usage.name(), kind, from, to);
                break;
            case SMART_GROUP:
                rewriteDefinition(c, "sg_groups", usage.name(), kind, from, to);
                break;
            case CLUSTER:
                rewriteCluster(c, usage.name(), from, to);
                break;
            default:
                rewriteModel(c, usage.name(), kind, from, to);
        }
    }

    private static boolean refers(Condition definition, MembershipCondition.Kind kind, String name) {
        return References.names(definition, kind).contains(name);
    }

    private static boolean modelRefers(PriorityModel model, MembershipCondition.Kind kind, String name) {
        for (ModelEntry e : model.entries()) {
            if (e.isInline() ? refers(e.definition(), kind, name)
                    : kind == MembershipCondition.Kind.SEGMENT && e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void rewriteDefinition(Connection c, String table, String owner, MembershipCondition.Kind kind,
                                   String from, String to) throws SQLException {
        // table is one of two constants chosen above, never user input
        String text = single(c, "SELECT definition FROM " + table + " WHERE name = ?", owner);
        Condition renamed = References.rename(ConditionJson.parse(text, owner), kind, from, to);
        Sql.update(c, "UPDATE " + table + " SET definition = ? WHERE name = ?", ConditionJson.toText(renamed), owner);
    }

    private void rewriteModel(Connection c, String owner, MembershipCondition.Kind kind, String from, String to)
            throws SQLException {
        PriorityModel model = ModelFiles.parse(single(c, "SELECT definition FROM sg_models WHERE name = ?", owner),
                "model '" + owner + "'");
        List<ModelEntry> entries = new ArrayList<>();
        for (ModelEntry e : model.entries()) {
            if (e.isInline()) {
                entries.add(ModelEntry.inline(e.name(), References.rename(e.definition(), kind, from, to)));
            } else if (kind == MembershipCondition.Kind.SEGMENT && e.name().equals(from)) {
                entries.add(ModelEntry.saved(to));
            } else {
                entries.add(e);
            }
        }
        Sql.update(c, "UPDATE sg_models SET definition = ? WHERE name = ?",
                ModelFiles.toText(model.withEntries(entries)), owner);
    }

    private void rewriteCluster(Connection c, String owner, String from, String to) throws SQLException {
        ClusterFiles.Cluster cluster = ClusterFiles.parse(single(c, "SELECT definition FROM sg_clusters WHERE name = ?",
                owner), "cluster '" + owner + "'");
        List<String> groups = cluster.groups().stream().map(g -> g.equals(from) ? to : g).toList();
        Sql.update(c, "UPDATE sg_clusters SET definition = ? WHERE name = ?",
                ClusterFiles.toText(new ClusterFiles.Cluster(cluster.name(), groups, cluster.extra())), owner);
    }

    private static String single(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
