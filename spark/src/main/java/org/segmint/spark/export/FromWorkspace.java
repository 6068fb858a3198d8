package org.segmint.spark.export;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.export.DataTables;
import org.segmint.persistence.export.SavedMembers;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import org.segmint.spark.root.Layout;
import org.segmint.spark.root.RootFiles;
import org.segmint.spark.root.Settings;
import org.segmint.spark.root.SmartGroup;

/**
 * {@code from-workspace}: a workspace written as a data root. The workspace is opened read-only and read in one
 * snapshot; its data tables become Parquet datasets (derived data left out: the job recomputes the metrics), its
 * segments, models and smart groups JSON files, its groups and lists Parquet partitioned by name (an empty one keeps
 * a file without rows), its as-of setting {@code settings.json}. Everything is written into a hidden
 * folder first and moved into place when complete.
 */
public final class FromWorkspace {
    private final RootFiles files;

    public FromWorkspace(RootFiles files) {
        this.files = files;
    }

    /**
     * Copies {@code workspace} to the data root {@code out} (already checked: see {@code Outputs}); returns the rows
     * per table.
     */
    public Map<String, Long> copy(java.nio.file.Path workspace, Path temp, Cancellation cancel) {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            files.mkdirs(temp);
            for (DataTables.Table table : DataTables.tables(ws)) {
                rows.put(table.name(), table(ws, table, new Path(temp, table.name()), cancel));
            }
            members(new Path(temp, Layout.GROUPS), SavedMembers.groups(ws).stream().map(SavedMembers.GroupInfo::name)
                    .toList(), (name, consumer) -> {
                        if (name == null) {
                            SavedMembers.groupMembers(ws, consumer);
                        }
                    });
            members(new Path(temp, Layout.LISTS), SavedMembers.lists(ws), (name, consumer) -> {
                if (name != null) {
                    SavedMembers.listMembers(ws, name, consumer);
                }
            });
            definitions(ws, temp);
            Settings settings = new Settings(ws.asOfSetting(), hierarchy(ws));
            files.writeText(new Path(temp, Layout.SETTINGS), settings.toText());
        }
        return rows;
    }

    private long table(Workspace ws, DataTables.Table table, Path folder, Cancellation cancel) {
        try (ParquetRows out = new ParquetRows(files.conf(), folder, table.columns())) {
            DataTables.rows(ws, table, cancel, out::write);
            return out.rows();
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot write Parquet (" + e.getMessage() + ")", e);
        }
    }

    /** Reads members: with a null name all of them (by name), else one set's. */
    private interface MemberSource {
        void read(String name, SavedMembers.MemberConsumer consumer) throws Exception;
    }

    /**
     * Writes named sets partitioned by name: {@code folder/name=NAME/part-00000.parquet} holding {@code customer_id}.
     * Members arrive grouped by name; a set without members gets a file without rows, so that it still exists.
     */
    private void members(Path folder, List<String> names, MemberSource source) {
        List<DataTables.Column> columns = List.of(new DataTables.Column("customer_id", FieldType.TEXT));
        Set<String> written = new HashSet<>();
        ParquetRows[] current = new ParquetRows[1];
        String[] currentName = new String[1];
        SavedMembers.MemberConsumer write = (name, customerId) -> {
            if (!name.equals(currentName[0])) {
                if (current[0] != null) {
                    current[0].close();
                }
                current[0] = new ParquetRows(files.conf(), partition(folder, name), columns);
                currentName[0] = name;
                written.add(name);
            }
            current[0].write(new Object[] {customerId});
        };
        try {
            source.read(null, write);
            for (String name : names) {
                if (!written.contains(name)) {
                    source.read(name, write);
                }
            }
            if (current[0] != null) {
                current[0].close();
            }
            for (String name : names) {
                if (!written.contains(name)) {
                    new ParquetRows(files.conf(), partition(folder, name), columns).close();
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException(folder + ": cannot write the members (" + e.getMessage() + ")", e);
        }
    }

    /** The folder of one set, named as Spark names partitions ({@code name=} and the escaped name). */
    static Path partition(Path folder, String name) {
        return new Path(folder, "name=" + org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils
                .escapePathName(name));
    }

    private void definitions(Workspace ws, Path root) {
        Set<String> used = new HashSet<>();
        for (SavedSegment s : new SegmentStore(ws).list()) {
            Segment segment = s.segment();
            write(root, Layout.SEGMENTS, segment.name(), Layout.SEGMENT_SUFFIX, SegmentFiles.toText(segment), used);
        }
        for (PriorityModel model : new ModelStore(ws).list()) {
            write(root, Layout.MODELS, model.name(), Layout.MODEL_SUFFIX, ModelFiles.toText(model), used);
        }
        for (SavedMembers.GroupInfo g : SavedMembers.groups(ws)) {
            if (g.smart()) {
                write(root, Layout.SMART_GROUPS, g.name(), Layout.GROUP_SUFFIX,
                        new SmartGroup(g.name(), g.definition(), g.schedule()).toText(), used);
            }
        }
    }

    private void write(Path root, String folder, String name, String suffix, String text, Set<String> used) {
        String base = Layout.fileName(name);
        String file = base + suffix;
        for (int i = 2; !used.add(folder + "/" + file); i++) {
            file = base + "-" + i + suffix;
        }
        files.writeText(new Path(new Path(root, folder), file), text);
    }

    /** The workspace's hierarchy (its customer columns, lowest level first), as the desktop counts levels. */
    private static List<String> hierarchy(Workspace ws) {
        return org.segmint.persistence.hierarchy.HierarchySetting.read(ws).columns();
    }

    /** Whether {@code candidate} is the workspace file or a folder holding it (local paths only). */
    public static boolean holds(Path candidate, java.nio.file.Path workspace) {
        if (candidate.toUri().getScheme() != null && !"file".equals(candidate.toUri().getScheme())) {
            return false;
        }
        try {
            java.nio.file.Path c = java.nio.file.Path.of(candidate.toUri().getPath()).toAbsolutePath().normalize();
            java.nio.file.Path w = workspace.toAbsolutePath().normalize();
            if (Files.exists(w)) {
                w = w.toRealPath();
            }
            if (Files.exists(c)) {
                c = c.toRealPath();
            }
            return w.startsWith(c);
        } catch (IOException e) {
            return false;
        }
    }
}
