package org.segmint.app.editor;

import java.util.List;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/**
 * The editor's services over an open workspace: the segment store, the engine (with the workspace's
 * as-of date) and the pick lists. Every use of the shared workspace connection goes through
 * {@link WorkspaceSession#read}.
 */
final class WorkspaceEditorServices implements SegmentRepository, DefinitionService, EditorChoices {
    private final WorkspaceSession session;

    WorkspaceEditorServices(WorkspaceSession session) {
        this.session = session;
    }

    // SegmentRepository //

    @Override
    public List<String> names() {
        return session.read(ws -> new SegmentStore(ws).list().stream().map(SavedSegment::name).toList());
    }

    @Override
    public Optional<Segment> find(String name) {
        return session.read(ws -> new SegmentStore(ws).find(name).map(SavedSegment::segment));
    }

    @Override
    public void save(Segment segment, String previousName) {
        session.read(ws -> {
            SegmentStore store = new SegmentStore(ws);
            if (previousName != null && !previousName.equals(segment.name())
                    && store.find(previousName).isPresent()) {
                store.rename(previousName, segment.name());
            }
            return store.save(segment);
        });
    }

    /** Remembers the count of a saved segment for the Segments page. */
    void recordCount(String name, long count) {
        session.read(ws -> {
            new SegmentStore(ws).recordCount(name, count, java.time.Instant.now());
            return null;
        });
    }

    // DefinitionService //

    @Override
    public RoaringBitmap members(Condition definition, Cancellation cancel) {
        return session.engine().members(definition, session.read(Workspace::asOf), cancel);
    }

    @Override
    public org.segmint.persistence.engine.SegmentEngine.Evaluated evaluate(Condition definition, Cancellation cancel) {
        return session.engine().evaluate(definition, session.read(Workspace::asOf), cancel);
    }

    @Override
    public List<DefinitionProblem> validate(Condition definition) {
        return session.engine().validate(definition);
    }

    @Override
    public String viewSql(Condition definition) {
        return session.engine().viewSql(definition, session.read(Workspace::asOf));
    }

    // EditorChoices //

    @Override
    public List<String> distinctValues(String fieldId, String search, int limit) {
        return session.read(ws -> new PickLists(ws, this).distinctValues(fieldId, search, limit));
    }

    @Override
    public List<String> eventTypes() {
        return session.read(ws -> new PickLists(ws, this).eventTypes());
    }

    @Override
    public List<String> segmentNames() {
        return names();
    }

    @Override
    public List<String> groupNames() {
        return session.read(ws -> new PickLists(ws, this).groupNames());
    }

    @Override
    public List<String> listNames() {
        return session.read(ws -> new PickLists(ws, this).listNames());
    }
}
