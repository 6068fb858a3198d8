package org.segmint.persistence.group;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.persistence.store.Usage;
import org.segmint.persistence.store.UsageFinder;
import org.segmint.persistence.workspace.DataChange;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.LatestDates;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The log of batch operations ({@code sg_batches}, with the previous state of each changed customer in
 * {@code sg_batch_changes}) and undoing the last one not yet undone:
 * <ul>
 *   <li>an attribute gets back exactly the value it had (empty, text, number or date, stored as it was);</li>
 *   <li>added tags are removed and removed tags are added back;</li>
 *   <li>recorded events are deleted;</li>
 *   <li>the groups a split or set operation made are deleted (refused while something uses them).</li>
 * </ul>
 * Undoing again undoes the operation before, and so on.
 */
public final class Undo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GroupStore store;
    private final Workspace ws;

    /** A logged operation: what it was, on which group, when, and how many customers it changed. */
    public record Batch(long id, String operation, String group, String description, long customers, long changed,
                        Instant at) {
    }

    public Undo(GroupStore store) {
        this.store = store;
        this.ws = store.workspace();
    }

    /** The operation {@link #undoLast()} would undo. */
    public Optional<Batch> last() {
        return store.read("Cannot read the batch operations", Undo::last);
    }

    /** Undoes the last operation not yet undone, in one transaction; refused when there is none. */
    public Batch undoLast() {
        return ws.inTransaction(() -> {
            Connection c = ws.connection();
            Batch b = last(c).orElseThrow(() -> new WorkspaceException("Nothing to undo: no batch operation is"
                    + " left to undo"));
            String details = Jdbc.text(c, "SELECT details FROM sg_batches WHERE id = ?", b.id()).orElse("");
            boolean dataChanged = true;
            switch (b.operation()) {
                case "attribute":
                    restoreAttribute(c, b, details);
                    break;
                case "tag-add":
                    Jdbc.update(c, "DELETE FROM tags WHERE tag = ? AND customer_id IN (SELECT customer_id FROM"
                            + " sg_batch_changes WHERE batch_id = ?)", details, b.id());
                    break;
                case "tag-remove":
                    Jdbc.update(c, "INSERT OR IGNORE INTO tags(customer_id, tag) SELECT customer_id, ? FROM"
                            + " sg_batch_changes WHERE batch_id = ?", details, b.id());
                    break;
                case "event":
                    String recorded = " FROM events WHERE rowid IN (SELECT row_id FROM sg_batch_changes WHERE"
                            + " batch_id = ?)";
                    Long latest = Jdbc.optionalLong(c, "SELECT max(event_time) / 86400" + recorded, b.id());
                    Jdbc.update(c, "DELETE" + recorded, b.id());
                    // When the removed events may have been the latest, the events' latest date is read again.
                    LatestDates.eventsRemoved(ws, latest);
                    break;
                default:
                    deleteGroups(c, b, groupsOf(details));
                    dataChanged = false;
            }
            Jdbc.update(c, "DELETE FROM sg_batch_changes WHERE batch_id = ?", b.id());
            Jdbc.update(c, "UPDATE sg_batches SET undone_at = ? WHERE id = ?", store.clock().instant().toString(),
                    b.id());
            if (dataChanged) {
                ws.bumpDataVersion();
            }
            return b;
        });
    }

    private void restoreAttribute(Connection c, Batch b, String column) throws SQLException {
        if (ws.catalog().field(Catalog.CUSTOMERS, column).isEmpty()) {
            throw new WorkspaceException("Cannot undo '" + b.description() + "': the attribute customers." + column
                    + " no longer exists");
        }
        String q = Identifiers.quote(column);
        Jdbc.update(c, "UPDATE customers SET " + q + " = (SELECT b.old_value FROM sg_batch_changes b WHERE"
                + " b.batch_id = ? AND b.customer_id = customers.customer_id) WHERE customer_id IN (SELECT customer_id"
                + " FROM sg_batch_changes WHERE batch_id = ?)", b.id(), b.id());
    }

    private static void deleteGroups(Connection c, Batch b, List<String> groups) throws SQLException {
        UsageFinder usages = new UsageFinder();
        for (String g : groups) {
            List<Usage> used = usages.usedIn(c, MembershipCondition.Kind.GROUP, g);
            if (!used.isEmpty()) {
                throw new WorkspaceException("Cannot undo '" + b.description() + "': group '" + g + "' is used in "
                        + used.stream().map(Usage::describe).collect(Collectors.joining(", ")));
            }
            Jdbc.update(c, "DELETE FROM sg_groups WHERE name = ?", g);
        }
    }

    // The log, used by the operations //

    /** Starts a log entry; {@code details} is what undo needs (a column, a tag, the names of new groups). */
    static long begin(Connection c, String group, String operation, String description, String details,
                      long customers, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO sg_batches(group_name, operation, description, details, customers, changed, at)"
                + " VALUES(?, ?, ?, ?, ?, 0, ?)", group, operation, description, details, customers, at.toString());
        return Jdbc.longValue(c, "SELECT last_insert_rowid()");
    }

    static void finish(Connection c, long batch, long changed) throws SQLException {
        Jdbc.update(c, "UPDATE sg_batches SET changed = ? WHERE id = ?", changed, batch);
    }

    /** The names of new groups as stored in {@code details}. */
    static String groupsText(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON array of text", e);
        }
    }

    private static List<String> groupsOf(String details) {
        try {
            return JSON.readValue(details, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new WorkspaceException("Cannot undo: the record of the operation is damaged (" + e.getMessage()
                    + ")");
        }
    }

    private static Optional<Batch> last(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, operation, group_name, description, customers,"
                + " changed, at FROM sg_batches WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5), rs.getLong(6), Instant.parse(rs.getString(7))));
        }
    }
}
