package org.segmint.persistence.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/** Priority models of a workspace ({@code sg_models}), stored as the JSON of model files. */
public final class ModelStore {
    private final Workspace ws;
    private final Clock clock;

    public ModelStore(Workspace ws) {
        this(ws, Clock.systemUTC());
    }

    public ModelStore(Workspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
    }

    /** Inserts the model or replaces the one with the same name. */
    public PriorityModel save(PriorityModel model) {
        String name = Sql.checkName(model.name(), "Model");
        PriorityModel m = new PriorityModel(name, model.entries(), model.leftovers(), model.extra());
        String now = clock.instant().toString();
        Sql.inTransaction(ws, "Cannot save model '" + name + "'", c -> Sql.update(c,
                "INSERT INTO sg_models(name, definition, created_at, updated_at) VALUES(?, ?, ?, ?)"
                        + " ON CONFLICT(name) DO UPDATE SET definition = excluded.definition,"
                        + " updated_at = excluded.updated_at", name, ModelFiles.toText(m), now, now));
        return m;
    }

    public Optional<PriorityModel> find(String name) {
        return Sql.read(ws, "Cannot read model '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT definition FROM sg_models WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ModelFiles.parse(rs.getString(1), "model '" + name + "'"))
                            : Optional.empty();
                }
            }
        });
    }

    public PriorityModel get(String name) {
        return find(name).orElseThrow(() -> new WorkspaceException("Unknown model '" + name + "'"));
    }

    /** Every model, by name. */
    public List<PriorityModel> list() {
        return Sql.read(ws, "Cannot list models", c -> {
            List<PriorityModel> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, definition FROM sg_models ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(ModelFiles.parse(rs.getString(2), "model '" + rs.getString(1) + "'"));
                }
            }
            return result;
        });
    }

    public void delete(String name) {
        int n = Sql.inTransaction(ws, "Cannot delete model '" + name + "'",
                c -> Sql.update(c, "DELETE FROM sg_models WHERE name = ?", name));
        if (n == 0) {
            throw new WorkspaceException("Unknown model '" + name + "'");
        }
    }
}
