package org.segmint.persistence.group;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.store.Names;
import org.segmint.persistence.workspace.DataChange;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.LatestDates;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Batch operations on the data of a group's members (today's customers among them), each in one transaction,
 * each recorded with the previous state of every customer it changed so that {@link Undo} restores exactly that.
 *
 * <p>Tags live in the table {@code tags(customer_id, tag)}, made on the first tag added; a segment uses them as
 * the attribute {@code tags.tag} ("has the tag vip": {@code tags.tag eq vip}; "has not": {@code ne}). A recorded
 * event is dated now, or at the start of the workspace's as-of date when that is in the past (so that recording
 * an event never moves the data's latest date), unless a time is given.
 */
public final class BatchOperations {
    public static final String TAGS = "tags";

    private final GroupStore store;
    private final Workspace ws;

    /** What an operation did: the group's members ({@code customers}) and how many of them changed. */
    public record Result(String operation, String group, long customers, long changed, String description) {
    }

    public BatchOperations(GroupStore store) {
        this.store = store;
        this.ws = store.workspace();
    }

    /** What {@code op} would change, without changing anything (for a preview). */
    public Result preview(String group, BatchOperation op) {
        check(op);
        return store.read("Cannot preview the operation", c -> {
            RoaringBitmap keys = Members.keys(c, GroupStore.require(c, group));
            KeyTable.fill(c, keys);
            long changed;
            switch (op.kind()) {
                case ATTRIBUTE:
                    Field field = attribute(op.target());
                    changed = Jdbc.longValue(c, "SELECT count(*) FROM customers WHERE ck IN (SELECT ck FROM "
                            + KeyTable.NAME + ") AND " + q(field) + " IS NOT ?", AttributeValue.of(field, op.value()));
                    break;
                case TAG_ADD:
                case TAG_REMOVE:
                    long tagged = ws.catalog().hasTable(TAGS) ? Jdbc.longValue(c, "SELECT count(*) FROM customers c"
                            + " WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + ") AND c.customer_id IN (SELECT"
                            + " customer_id FROM tags WHERE tag = ?)", op.target()) : 0;
                    changed = op.kind() == BatchOperation.Kind.TAG_ADD ? keys.getLongCardinality() - tagged : tagged;
                    break;
                default:
                    changed = keys.getLongCardinality();
            }
            return new Result(op.kind().jsonName(), group, keys.getLongCardinality(), changed, op.describe());
        });
    }

    /** Applies {@code op} to the members of {@code group}; an event is dated as described above. */
    public Result apply(String group, BatchOperation op) {
        return apply(group, op, null);
    }

    /** Applies {@code op}; {@code eventTime} (workspace time) dates a recorded event, null for the default. */
    public Result apply(String group, BatchOperation op, LocalDateTime eventTime) {
        check(op);
        Field field = op.kind() == BatchOperation.Kind.ATTRIBUTE ? attribute(op.target()) : null;
        Object value = field == null ? null : AttributeValue.of(field, op.value());
        long seconds = op.kind() == BatchOperation.Kind.EVENT ? eventSeconds(eventTime) : 0;
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            RoaringBitmap keys = Members.keys(c, GroupStore.require(c, group));
            long batch = Undo.begin(c, group, op.kind().jsonName(), op.describe(),
                    field == null ? op.target() : field.column(),
                    keys.getLongCardinality(), store.clock().instant());
            KeyTable.fill(c, keys);
            long changed;
            switch (op.kind()) {
                case ATTRIBUTE:
                    changed = setAttribute(c, batch, field, value);
                    break;
                case TAG_ADD:
                    changed = addTag(c, batch, op.target());
                    break;
                case TAG_REMOVE:
                    changed = removeTag(c, batch, op.target());
                    break;
                default:
                    long before = Jdbc.longValue(c, "SELECT coalesce(max(rowid), 0) FROM events");
                    changed = recordEvent(c, batch, op.target(), seconds, before);
                    // An event after the data's last date moves the "latest in the data" as-of date.
                    LatestDates.update(ws, DataChange.added(Catalog.EVENTS, before, java.util.Set.of()));
            }
            Undo.finish(c, batch, changed);
            ws.bumpDataVersion();
            return new Result(op.kind().jsonName(), group, keys.getLongCardinality(), changed, op.describe());
        });
    }

    private static long setAttribute(Connection c, long batch, Field field, Object value) throws SQLException {
        String column = q(field);
        String members = "ck IN (SELECT ck FROM " + KeyTable.NAME + ") AND " + column + " IS NOT ?";
        Jdbc.update(c, "INSERT INTO sg_batch_changes(batch_id, customer_id, old_value) SELECT ?, customer_id, "
                + column + " FROM customers WHERE " + members, batch, value);
        return Jdbc.update(c, "UPDATE customers SET " + column + " = ? WHERE " + members, value, value);
    }

    private long addTag(Connection c, long batch, String tag) throws SQLException {
        ensureTags();
        Jdbc.update(c, "INSERT INTO sg_batch_changes(batch_id, customer_id) SELECT ?, c.customer_id FROM customers c"
                + " WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + ") AND c.customer_id NOT IN (SELECT customer_id"
                + " FROM tags WHERE tag = ?)", batch, tag);
        return Jdbc.update(c, "INSERT INTO tags(customer_id, tag) SELECT customer_id, ? FROM sg_batch_changes"
                + " WHERE batch_id = ?", tag, batch);
    }

    private long removeTag(Connection c, long batch, String tag) throws SQLException {
        if (!ws.catalog().hasTable(TAGS)) {
            return 0;
        }
        requireTagsTable();
        Jdbc.update(c, "INSERT INTO sg_batch_changes(batch_id, customer_id) SELECT ?, c.customer_id FROM customers c"
                + " WHERE c.ck IN (SELECT ck FROM " + KeyTable.NAME + ") AND c.customer_id IN (SELECT customer_id"
                + " FROM tags WHERE tag = ?)", batch, tag);
        return Jdbc.update(c, "DELETE FROM tags WHERE tag = ? AND customer_id IN (SELECT customer_id FROM"
                + " sg_batch_changes WHERE batch_id = ?)", tag, batch);
    }

    private static long recordEvent(Connection c, long batch, String type, long seconds, long before)
            throws SQLException {
        long added = Jdbc.update(c, "INSERT INTO events(ck, customer_id, event_type, event_time) SELECT ck,"
                + " customer_id, ?, ? FROM customers WHERE ck IN (SELECT ck FROM " + KeyTable.NAME + ")", type, seconds);
        // The write lock is held since the transaction began, so every row after the old maximum is ours.
        Jdbc.update(c, "INSERT INTO sg_batch_changes(batch_id, customer_id, row_id) SELECT ?, customer_id, rowid"
                + " FROM events WHERE rowid > ?", batch, before);
        return added;
    }

    private long eventSeconds(LocalDateTime given) {
        LocalDateTime at = given;
        if (at == null) {
            LocalDateTime now = LocalDateTime.now(store.clock());
            LocalDate asOf = ws.asOf();
            at = asOf.isBefore(now.toLocalDate()) ? asOf.atStartOfDay() : now.withNano(0);
        }
        return at.toEpochSecond(ZoneOffset.UTC);
    }

    /** The customer attribute named {@code customers.x} or {@code x}; keys cannot be set. */
    private Field attribute(String name) {
        String column = name.strip();
        if (column.startsWith(Catalog.CUSTOMERS + ".")) {
            column = column.substring(Catalog.CUSTOMERS.length() + 1);
        }
        Catalog catalog = ws.catalog();
        Optional<Field> field = catalog.field(Catalog.CUSTOMERS, column);
        if (field.isEmpty()) {
            throw new WorkspaceException("Unknown customer attribute '" + name + "' (customers have: " + String.join(
                    ", ", catalog.fields(Catalog.CUSTOMERS).stream().map(Field::column).toList()) + ")");
        }
        if (column.equals("customer_id")) {
            throw new WorkspaceException("customer_id is the customers' key and cannot be set");
        }
        return field.get();
    }

    private void check(BatchOperation op) {
        if (op.kind() != BatchOperation.Kind.ATTRIBUTE) {
            String what = op.kind() == BatchOperation.Kind.EVENT ? "Event type" : "Tag";
            Names.check(op.target(), what);
        }
    }

    private void ensureTags() {
        if (!ws.catalog().hasTable(TAGS)) {
            store.read("Cannot make the tags table", c -> Jdbc.update(c, "CREATE TABLE tags(customer_id TEXT NOT"
                    + " NULL, tag TEXT NOT NULL, PRIMARY KEY(customer_id, tag)) WITHOUT ROWID"));
            ws.registerColumn(TAGS, "customer_id", FieldType.TEXT, "Customer id");
            ws.registerColumn(TAGS, "tag", FieldType.TEXT, "Tag");
        }
        requireTagsTable();
    }

    private void requireTagsTable() {
        Catalog catalog = ws.catalog();
        if (catalog.field(TAGS, "customer_id").isEmpty() || catalog.field(TAGS, "tag").isEmpty()) {
            throw new WorkspaceException("The workspace has a table 'tags' without the columns customer_id and tag;"
                    + " rename that table to use tags");
        }
    }

    private static String q(Field field) {
        return Identifiers.quote(field.column());
    }
}
