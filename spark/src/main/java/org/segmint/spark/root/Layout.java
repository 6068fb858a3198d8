package org.segmint.spark.root;

import java.util.Set;

/** The entries of a data root (FORMATS.md §5) and of a job folder, by name. */
public final class Layout {
    public static final String SEGMENTS = "segments";
    public static final String MODELS = "models";
    public static final String CLUSTERS = "clusters";
    /** Smart group definitions, one {@code NAME.group.json} each (their members live in {@link #GROUPS}). */
    public static final String SMART_GROUPS = "smart-groups";
    public static final String GROUPS = "groups";
    public static final String LISTS = "lists";
    public static final String SETTINGS = "settings.json";
    /** In a job folder: group and list members as CSV ({@code name,customer_id}). */
    public static final String GROUPS_CSV = "groups.csv";
    public static final String LISTS_CSV = "lists.csv";

    public static final String SEGMENT_SUFFIX = ".segment.json";
    public static final String MODEL_SUFFIX = ".model.json";
    public static final String GROUP_SUFFIX = ".group.json";

    /** Entries of a data root that are not data tables. */
    public static final Set<String> NOT_TABLES = Set.of(SEGMENTS, MODELS, CLUSTERS, SMART_GROUPS, GROUPS, LISTS);

    private Layout() {
    }

    /** Whether a folder of the data root holds a data table (hidden and bookkeeping folders do not). */
    public static boolean isTable(String entry) {
        return !NOT_TABLES.contains(entry) && !entry.startsWith("_") && !entry.startsWith(".");
    }

    /**
     * A file name for a saved object's name: lowercase ASCII letters and digits joined by {@code -}, so any name
     * gives a portable file name (the object is found by the {@code name} inside the file, not by the file name).
     */
    public static String fileName(String name) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (char ch : name.toCharArray()) {
            char c = Character.toLowerCase(ch);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                dash = false;
            } else if (!dash && sb.length() > 0) {
                sb.append('-');
                dash = true;
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? "unnamed" : sb.toString();
    }
}
