package org.segmint.app.cli;

import java.util.Map;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.workspace.WorkspaceException;

/** The {@code --level L} of count, members, insights and compare: a level of the workspace's hierarchy. */
final class LevelOption {
    static final String DESCRIPTION = "customers, households (the hierarchy's first level), accounts (its second)"
            + " or a level's column";

    private LevelOption() {
    }

    /** The level, or a one-line error naming the choices. */
    static HierarchyLevel resolve(Levels levels, String text) {
        try {
            return levels.level(text);
        } catch (WorkspaceException e) {
            throw new WorkspaceException("--level: " + e.getMessage());
        }
    }

    /**
     * Adds {@code "level"}, {@code "column"} (null for customers), {@code "count"} and the count under the level's
     * name ({@code "households": N}).
     */
    static void put(Map<String, Object> json, HierarchyLevel level, long count) {
        json.put("level", level.name());
        json.put("column", level.column());
        json.put("count", count);
        json.putIfAbsent(level.name(), count);
    }
}
