package org.segmint.persistence.workspace;

import java.util.List;

/**
 * Forward migrations: element {@code i} takes a workspace from version {@code i} to {@code i + 1}.
 * A workspace is copied to {@code NAME.vN.bak} before it is migrated. A migration is appended here, never
 * changed once released: workspaces out there were made by it.
 */
final class Migrations {
    static final List<List<String>> ALL = List.of(Schema.VERSION_1, Schema.SEGMENT_ICONS,
            Schema.SEGMENT_HISTORY, Schema.GROUPS, Schema.GROUP_KEYS);

    private Migrations() {
    }
}
