package org.segmint.persistence.waterfall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.store.MemberExport;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The columns of an exported member file: customer attributes and derived metrics, named {@code table.column}
 * (a bare name means a customer column), checked against the catalog and read as the user sees them (dates
 * as ISO dates, booleans as true/false — the same text and headers as {@link MemberExport}).
 */
record ExportColumns(List<Field> fields) {

    static final List<String> DEFAULT = List.of("customers.customer_id");

    static ExportColumns of(Catalog catalog, List<String> names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names.isEmpty() ? DEFAULT : names) {
            String id = name.trim().contains(".") ? name.trim() : Catalog.CUSTOMERS + "." + name.trim();
            Field f = catalog.field(id).orElseThrow(() -> new WorkspaceException("Unknown column '" + name
                    + "' (use customers.NAME or metrics.NAME)"));
            if (!f.table().equals(Catalog.CUSTOMERS) && !f.table().equals(Catalog.METRICS)) {
                throw new WorkspaceException("Column '" + name + "': only customers.* and metrics.* columns can be"
                        + " exported, one value per customer");
            }
            fields.add(f);
        }
        return new ExportColumns(fields);
    }

    List<String> header() {
        return fields.stream().map(MemberExport::header).toList();
    }

    /** One statement reading the key and every column of every customer, in key order. */
    String sql() {
        StringBuilder sb = new StringBuilder("SELECT c.ck");
        for (Field f : fields) {
            sb.append(", ").append(f.table().equals(Catalog.CUSTOMERS) ? "c." : "m.").append(Identifiers.quote(
                    f.column()));
        }
        return sb.append(" FROM customers c LEFT JOIN metrics m ON m.ck = c.ck ORDER BY c.ck").toString();
    }

    /** The values of the current row, as text; empty values are empty strings. */
    List<String> values(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Object v = rs.getObject(i + 2);
            values.add(MemberExport.text(fields.get(i), v));
        }
        return values;
    }
}
