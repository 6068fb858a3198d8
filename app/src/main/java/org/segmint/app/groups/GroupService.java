package org.segmint.app.groups;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.group.Schedule;
import org.segmint.model.group.SetOperation;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.group.BatchOperation;
import org.segmint.persistence.group.BatchOperations;
import org.segmint.persistence.group.Group;
import org.segmint.persistence.group.HistoryEntry;
import org.segmint.persistence.group.MembersEdit;
import org.segmint.persistence.group.Recalculation;
import org.segmint.persistence.group.Undo;
import org.segmint.persistence.json.ClusterFiles.Cluster;

/**
 * What the Groups page does with the open workspace. Every method may block (call it from background work); the
 * desktop implementation is {@link WorkspaceGroups}, tests use their own.
 */
public interface GroupService {
    List<Group> groups();

    List<HistoryEntry> history(String group);

    List<String> segmentNames();

    /** Customer attributes a batch operation can set or a split can stratify by. */
    List<String> attributes();

    List<Group> createStatic(List<String> names);

    Group createSmart(String name, String segment, Schedule schedule);

    /** The named smart groups, or the due ones when {@code names} is null. */
    List<Recalculation.Outcome> recalculate(List<String> names, Cancellation cancel, Progress progress);

    void delete(String group, boolean force);

    Group setSchedule(String group, Schedule schedule);

    /**
     * Adds to (or removes from) a static group everyone who matches the saved {@code segment}, or the customer ids or
     * emails of the one-column CSV {@code file} (emails when every value has an @).
     */
    MembersEdit editMembers(String group, boolean add, String segment, Path file);

    BatchOperations.Result preview(String group, BatchOperation op);

    BatchOperations.Result apply(String group, BatchOperation op);

    /** What undo would undo. */
    Optional<Undo.Batch> lastOperation();

    Undo.Batch undo();

    List<Group> split(String group, List<String> into, List<BigDecimal> percents, long seed, String stratify);

    Group combine(SetOperation op, String first, String second, String into);

    // Priority clusters //

    List<String> clusterNames();

    Optional<Cluster> cluster(String name);

    void saveCluster(Cluster cluster);

    /** The group's members who are customers today. */
    RoaringBitmap members(String group);

    long exportCluster(Cluster cluster, Path file, Cancellation cancel);
}
