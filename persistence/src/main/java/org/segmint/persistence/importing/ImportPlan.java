package org.segmint.persistence.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.workspace.Identifiers;
import org.segmint.persistence.workspace.Schema;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Where each source column goes: its target column, whether its type is fixed (a standard column,
 * a column the table already has, or an override) and whether it is new. Checks the request against
 * the source and the catalog before anything is written; every problem is a one-line message.
 */
public final class ImportPlan {
    private static final Set<String> STANDARD_TABLES = Set.copyOf(Schema.DATA_TABLES);

    /** One imported column. {@code type} may still lack its date layout, or be null until inferred. */
    static final class Column {
        final int sourceIndex;
        final String sourceName;
        /** The table the column is written to: the plan's, or in a one-step import customers or order items. */
        final String table;
        final String target;
        final boolean isNew;
        final boolean typeFixed;
        ColumnType type;

        Column(int sourceIndex, String sourceName, String table, String target, boolean isNew, boolean typeFixed,
               ColumnType type) {
            this.sourceIndex = sourceIndex;
            this.sourceName = sourceName;
            this.table = table;
            this.target = target;
            this.isNew = isNew;
            this.typeFixed = typeFixed;
            this.type = type;
        }

        /** Whether the values must be read (inferred) before the type is known. */
        boolean needsGuess() {
            return type == null || type.needsFormat();
        }
    }

    final String table;
    final boolean customerKeyed;
    final boolean tableIsNew;
    final List<Column> columns;
    final int sourceWidth;

    private ImportPlan(String table, boolean customerKeyed, boolean tableIsNew, List<Column> columns, int width) {
        this.table = table;
        this.customerKeyed = customerKeyed;
        this.tableIsNew = tableIsNew;
        this.columns = columns;
        this.sourceWidth = width;
    }

    static ImportPlan resolve(ImportRequest request, List<String> sourceColumns, Catalog catalog, String sourceName) {
        String table = request.table();
        if (table == null || table.isBlank()) {
            throw new ImportProblem("Give the table to import into (--table T)", "Choose the table to import into.");
        }
        boolean standard = STANDARD_TABLES.contains(table);
        boolean exists = catalog.hasTable(table) && !Catalog.METRICS.equals(table);
        if (!standard && !exists) {
            if (!request.createTable()) {
                throw new WorkspaceException("Unknown table '" + table + "': use customers, orders, order_items,"
                        + " events, or add --create-table for a new table of customer attributes");
            }
            if (!Identifiers.isValid(table) || Catalog.METRICS.equals(table)) {
                throw new ImportProblem("'" + table + "' is not a valid table name (use a-z, 0-9 and _)",
                        "'" + table + "' is not a valid table name: use lower-case letters, digits and _.");
            }
        }
        if (sourceColumns.isEmpty()) {
            throw new WorkspaceException(sourceName + ": the source is empty (no header and no rows)");
        }
        checkHeader(sourceColumns, sourceName);
        for (String src : request.mapping().keySet()) {
            if (!sourceColumns.contains(src)) {
                throw new WorkspaceException(sourceName + ": mapping " + src + "=" + request.mapping().get(src)
                        + ": there is no column '" + src + "' in the source (columns: " + String.join(", ",
                        sourceColumns) + ")");
            }
        }
        Map<String, Field> existing = new LinkedHashMap<>();
        for (Field f : catalog.fields(table)) {
            existing.put(f.column(), f);
        }
        List<String> targets = targets(request, sourceColumns, table);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            String target = targets.get(i);
            if (target == null) {
                continue;
            }
            String src = sourceColumns.get(i);
            ColumnType override = request.types().containsKey(src) ? request.types().get(src)
                    : request.types().get(target);
            Field known = existing.get(target);
            if (known == null && "customer_id".equals(target)) {
                known = new Field(table, target, FieldType.TEXT, "Customer id");
            }
            if (known != null) {
                columns.add(new Column(i, src, table, target, false, true, fixedType(known, override)));
            } else {
                columns.add(new Column(i, src, table, target, true, override != null, override));
            }
        }
        for (String name : request.types().keySet()) {
            boolean used = columns.stream().anyMatch(c -> c.sourceName.equals(name) || c.target.equals(name));
            if (!used) {
                throw new ImportProblem("--type " + name + ": there is no column '" + name + "' to import",
                        "Column " + name + " has a type but is skipped.");
            }
        }
        if (columns.isEmpty()) {
            throw new ImportProblem(sourceName + ": every column is left out; map at least one (--map SOURCE=NAME)",
                    "Every column is skipped; map at least one.");
        }
        boolean customerKeyed = customerKeyed(table);
        ImportPlan plan = new ImportPlan(table, customerKeyed, !standard && !exists, columns, sourceColumns.size());
        plan.checkRequired(request);
        return plan;
    }

    /**
     * The plan of a one-step import of order lines ({@link FlatImport}): every column read as one row of
     * {@code order_items}, each written to the table its destination names. {@code customer_id} keys both tables;
     * the file must have it and an {@code order_id}.
     */
    static ImportPlan resolveFlat(FlatRequest request, List<String> sourceColumns, Catalog catalog,
                                  String sourceName) {
        if (request.mode() == ImportMode.APPEND) {
            throw new ImportProblem("A one-step import replaces or updates (--mode replace or upsert): with"
                    + " upsert, the orders of the file replace those with the same order id and new ones are added",
                    "A one-step import replaces or updates: choose the mode Replace or Upsert (the orders of the file"
                    + " replace those with the same order id and new ones are added).");
        }
        if (sourceColumns.isEmpty()) {
            throw new WorkspaceException(sourceName + ": the source is empty (no header and no rows)");
        }
        checkHeader(sourceColumns, sourceName);
        for (String src : request.destinations().keySet()) {
            if (!sourceColumns.contains(src)) {
                throw new WorkspaceException(sourceName + ": mapping " + src + "=" + request.destinations().get(src)
                        + ": there is no column '" + src + "' in the source (columns: " + String.join(", ",
                        sourceColumns) + ")");
            }
        }
        Map<String, Set<String>> taken = new HashMap<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            String src = sourceColumns.get(i);
            String destination = request.destinations().getOrDefault(src, "").trim();
            if (destination.isEmpty()) {
                continue;
            }
            String[] tableAndColumn = FlatRequest.split(destination);
            String table = tableAndColumn[0];
            String target = tableAndColumn[1];
            if (!Identifiers.isValid(target) || "ck".equals(target)) {
                throw new ImportProblem("mapping " + src + "=" + destination + ": '" + target + "' is not a valid"
                        + " column name (use a-z, 0-9 and _)", "Column " + src + ": '" + target + "' is not a valid"
                        + " name (use a-z, 0-9 and _).");
            }
            if (!taken.computeIfAbsent(table, t -> new HashSet<>()).add(target)) {
                throw new ImportProblem("mapping " + src + "=" + destination + ": two columns go to " + table
                        + "." + target, "Two columns are mapped to " + table + "." + target
                        + "; skip one or rename it.");
            }
            ColumnType override = request.types().containsKey(src) ? request.types().get(src)
                    : request.types().get(target);
            Field known = catalog.field(table, target).orElse(null);
            if (known == null && "customer_id".equals(target)) {
                known = new Field(table, target, FieldType.TEXT, "Customer id");
            }
            columns.add(known != null ? new Column(i, src, table, target, false, true, fixedType(known, override))
                    : new Column(i, src, table, target, true, override != null, override));
        }
        for (String name : request.types().keySet()) {
            if (columns.stream().noneMatch(c -> c.sourceName.equals(name) || c.target.equals(name))) {
                throw new ImportProblem("--type " + name + ": there is no column '" + name + "' to import",
                        "Column " + name + " has a type but is skipped.");
            }
        }
        for (String required : List.of("customer_id", "order_id")) {
            if (columns.stream().noneMatch(c -> Catalog.ORDER_ITEMS.equals(c.table) && c.target.equals(required))) {
                throw new ImportProblem(sourceName + ": a one-step import of order lines needs a column for "
                        + required + ": map one of the source's columns to it (--map SOURCE=" + required + ")",
                        "Map a column to " + required + " (a one-step import of order lines needs it).");
            }
        }
        return new ImportPlan(Catalog.ORDER_ITEMS, false, false, columns, sourceColumns.size());
    }

    /**
     * Why a one-step import of these columns would be refused, checked before anything is read (the dialog shows it
     * before Import); empty when it would start.
     */
    public static Optional<String> checkFlat(FlatRequest request, List<String> sourceColumns, Catalog catalog,
                                             String sourceName) {
        return refusal(() -> resolveFlat(request, sourceColumns, catalog, sourceName));
    }

    /**
     * Why an import into one table would be refused, checked before anything is read, in the dialog's words (the
     * dialog shows it before Import and the importer makes the same checks); empty when it would start.
     */
    public static Optional<String> check(ImportRequest request, List<String> sourceColumns, Catalog catalog,
                                         String sourceName) {
        return refusal(() -> resolve(request, sourceColumns, catalog, sourceName));
    }

    /** What {@code resolving} refuses, in the dialog's words; empty when it goes through. */
    private static Optional<String> refusal(Runnable resolving) {
        try {
            resolving.run();
            return Optional.empty();
        } catch (WorkspaceException e) {
            return Optional.of(ImportProblem.forDialog(e));
        }
    }

    /**
     * Whether rows of {@code table} are one per customer, keyed by {@code customer_id}: customers and every table of
     * customer attributes; not orders, order items or events.
     */
    public static boolean customerKeyed(String table) {
        return Catalog.CUSTOMERS.equals(table) || !STANDARD_TABLES.contains(table);
    }

    /** The target of each source column (null = skipped), with clashes between names resolved. */
    private static List<String> targets(ImportRequest request, List<String> sourceColumns, String table) {
        List<String> targets = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String src : sourceColumns) {
            String mapped = request.mapping().get(src);
            if (mapped == null) {
                targets.add(null);
                continue;
            }
            String target = mapped.trim();
            if (target.isEmpty()) {
                targets.add(null);
                continue;
            }
            if (target.startsWith(table + ".")) {
                target = target.substring(table.length() + 1);
            }
            if (!Identifiers.isValid(target) || "ck".equals(target)) {
                throw new ImportProblem("mapping " + src + "=" + mapped + ": '" + mapped + "' is not a field of "
                        + table + " nor a valid new column name (use a-z, 0-9 and _)", "Column " + src + ": '"
                        + mapped + "' is not a valid name (use a-z, 0-9 and _).");
            }
            if (!taken.add(target)) {
                throw new ImportProblem("mapping " + src + "=" + mapped + ": two columns are mapped to " + target,
                        "Two columns are mapped to " + target + "; skip one or rename it.");
            }
            targets.add(target);
        }
        Map<Integer, String> synonyms = synonymTargets(request, sourceColumns, table, taken);
        for (int i = 0; i < sourceColumns.size(); i++) {
            String src = sourceColumns.get(i);
            if (targets.get(i) != null || request.mapping().containsKey(src)) {
                continue;
            }
            if (synonyms.containsKey(i)) {
                targets.set(i, synonyms.get(i));
                continue;
            }
            String base = Identifiers.normalise(src);
            if ("ck".equals(base)) {
                base = "c_ck";
            }
            String mappedOnto = mappedTo(request, base);
            if (mappedOnto != null) {
                throw new WorkspaceException("mapping " + mappedOnto + "=" + base + ": the source has its own column '"
                        + src + "'; map that one too (--map " + src + "=NAME, or --map " + src + "= to leave it out)");
            }
            String name = base;
            for (int n = 2; taken.contains(name); n++) {
                name = base + "_" + n;
            }
            taken.add(name);
            targets.set(i, name);
        }
        return targets;
    }

    /**
     * Standard columns of the table that unmapped source columns stand for by a synonym ({@code InvoiceNo} for
     * {@code order_id}), by source index. A standard column goes to the first such source column, unless it is taken
     * by a mapping or some unmapped source column has its very name; a source column whose own name is a standard
     * column keeps it.
     */
    private static Map<Integer, String> synonymTargets(ImportRequest request, List<String> sourceColumns, String table,
                                                       Set<String> taken) {
        boolean standard = STANDARD_TABLES.contains(table);
        List<String> wanted = standard ? Synonyms.columns(table) : List.of("customer_id");
        String synonymTable = standard ? table : Catalog.CUSTOMERS;
        Set<String> ownNames = new HashSet<>();
        for (String src : sourceColumns) {
            if (!request.mapping().containsKey(src)) {
                ownNames.add(Identifiers.normalise(src));
            }
        }
        Map<Integer, String> result = new LinkedHashMap<>();
        for (String column : wanted) {
            if (taken.contains(column) || ownNames.contains(column) || mappedTo(request, column) != null) {
                continue;
            }
            for (int i = 0; i < sourceColumns.size(); i++) {
                String src = sourceColumns.get(i);
                if (request.mapping().containsKey(src) || result.containsKey(i)
                        || wanted.contains(Identifiers.normalise(src))) {
                    continue;
                }
                if (Synonyms.standardColumn(synonymTable, src).filter(column::equals).isPresent()) {
                    result.put(i, column);
                    taken.add(column);
                    break;
                }
            }
        }
        return result;
    }

    /**
     * The target each source column gets when the user maps nothing: the standard column it stands for
     * ({@link Synonyms}), else its normalised name; the import dialog starts from these, so the dialog and the
     * command line agree.
     */
    public static List<String> suggestTargets(String table, List<String> sourceColumns) {
        try {
            return targets(ImportRequest.replace(table), sourceColumns, table);
        } catch (WorkspaceException e) {
            List<String> plain = new ArrayList<>();
            sourceColumns.forEach(c -> plain.add(Identifiers.normalise(c)));
            return plain;
        }
    }

    /** Every column of the header has a name, and no name twice. */
    private static void checkHeader(List<String> sourceColumns, String sourceName) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            String name = sourceColumns.get(i);
            if (name == null || name.isBlank()) {
                throw new WorkspaceException(sourceName + ": column " + (i + 1) + " of the header has no name; name it"
                        + " in the file (or import without a header row)");
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new WorkspaceException(sourceName + ": the header names '" + name + "' twice (columns " + before
                        + " and " + (i + 1) + "); rename one in the file");
            }
        }
    }

    /** The source column mapped onto {@code target}, if any. */
    private static String mappedTo(ImportRequest request, String target) {
        for (Map.Entry<String, String> e : request.mapping().entrySet()) {
            if (e.getValue() != null && target.equals(e.getValue().trim())) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The type of a column the table already has; an override may only give the layout of dates. */
    private static ColumnType fixedType(Field known, ColumnType override) {
        if (override == null) {
            return ColumnType.of(known.type());
        }
        if (override.type() == known.type() || known.type().isTemporal() && override.type().isTemporal()) {
            return new ColumnType(known.type(), override.format());
        }
        throw new ImportProblem("--type " + known.column() + "=" + override + ": " + known.table() + "."
                + known.column() + " is a " + known.type().jsonName() + " column", "Column " + known.column()
                + ": " + known.table() + "." + known.column() + " is a " + known.type().jsonName()
                + " column; keep its type.");
    }

    private void checkRequired(ImportRequest request) {
        List<String> required = new ArrayList<>();
        if (customerKeyed) {
            required.add("customer_id");
        } else if (Catalog.EVENTS.equals(table)) {
            required.add("event_type");
            required.add("event_time");
        } else if (Catalog.ORDERS.equals(table)) {
            required.add("order_date");
        }
        for (String r : required) {
            if (column(r).isEmpty()) {
                throw new ImportProblem("The source has no column for " + table + "." + r
                        + " (map one with --map SOURCE=" + r + ")", "Map a column to " + r + " (required for "
                        + table + ").");
            }
        }
        if (request.mode() == ImportMode.UPSERT && !customerKeyed) {
            if (request.keys().isEmpty()) {
                throw new ImportProblem("Upsert into " + table + " needs --key COLUMN (for example order_id)",
                        "Upsert into " + table + " needs key columns (for example order_id).");
            }
            for (String k : request.keys()) {
                if (column(k).isEmpty()) {
                    throw new ImportProblem("--key " + k + ": the import has no column " + k,
                            "Key " + k + " is not one of the imported columns.");
                }
            }
        }
    }

    Optional<Column> column(String target) {
        return columns.stream().filter(c -> c.target.equals(target)).findFirst();
    }

    /** Which columns must still be given a value for {@code required} (empty = reject). */
    List<String> requiredValues() {
        if (customerKeyed) {
            return List.of("customer_id");
        }
        if (Catalog.EVENTS.equals(table)) {
            return List.of("event_type", "event_time");
        }
        if (Catalog.ORDERS.equals(table)) {
            return List.of("order_date");
        }
        return List.of();
    }
}
