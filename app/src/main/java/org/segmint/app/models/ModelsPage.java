package org.segmint.app.models;

import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import org.segmint.app.sparkjob.SparkJobDialog;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.Page;
import org.segmint.app.shell.PageCommand;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.waterfall.ModelRunner;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/** The Models page of the main window over the open workspace. */
public final class ModelsPage implements Page {
    private final PriorityListViewModel vm;
    private final ModelsView view;
    private final AppContext context;
    private final ChangeListener<Number> changed = (o, old, rev) -> invalidate();

    public ModelsPage(AppContext context, Navigator navigator) {
        WorkspaceSession session = context.requireSession();
        BackgroundExecutor executor = context.executor();
        ModelRepository repository = new ModelRepository() {
            @Override
            public List<String> names() {
                return session.read(ws -> new ModelStore(ws).list().stream().map(PriorityModel::name).toList());
            }

            @Override
            public Optional<PriorityModel> find(String name) {
                return session.read(ws -> new ModelStore(ws).find(name));
            }

            @Override
            public void save(PriorityModel model) {
                session.read(ws -> new ModelStore(ws).save(model));
            }
        };
        MembershipSource source = new MembershipSource() {
            @Override
            public RoaringBitmap members(ModelEntry entry, Cancellation cancel) {
                Condition definition = entry.isInline() ? entry.definition()
                        : session.read(ws -> new SegmentStore(ws).definition(entry.name())).orElseThrow(
                                () -> new WorkspaceException("No saved segment named '" + entry.name() + "'"));
                return session.engine().members(definition, session.read(Workspace::asOf), cancel);
            }

            @Override
            public RoaringBitmap allCustomers() {
                return session.engine().allCustomers();
            }

            @Override
            public List<String> modelWarnings(PriorityModel model, Cancellation cancel) {
                List<PriorityModel> others = session.read(ws -> new ModelStore(ws).list());
                ModelRunner runner = new ModelRunner(Memberships.of(session.engine()),
                        name -> session.read(ws -> new SegmentStore(ws).definition(name)));
                return runner.run(model, others, session.read(Workspace::asOf), cancel).result().warnings().stream()
                        .filter(w -> w.entry() < 0).map(WaterfallWarning::message).toList();
            }

            @Override
            public List<String> segmentNames() {
                return session.read(ws -> new SegmentStore(ws).list().stream().map(SavedSegment::name).toList());
            }
        };
        vm = new PriorityListViewModel(repository, source, executor);
        view = new ModelsView(vm, context.dialogs()::showError,
                () -> ModelExportDialog.show(vm, session, executor, context.dialogs()), this::runOnSpark);
        view.setInlineEditor((owner, existing) -> InlineSegmentDialog.edit(context, owner, existing));
        this.context = context;
        context.segmentsRevision().addListener(changed);
        context.dataRevision().addListener(changed);
    }

    /** The job runs the stored model, so unsaved changes are saved first (or the user is told why not). */
    private void runOnSpark() {
        if (vm.modelProperty().get() == null) {
            return;
        }
        if (vm.dirtyProperty().get()) {
            context.dialogs().showInfo("Save the model first", "The Spark job runs the model as it is saved; save"
                    + " your changes, then choose Run on Spark… again.");
            return;
        }
        SparkJobDialog.showForModel(context, vm.modelProperty().get().name(), view.getScene().getWindow());
    }

    @Override
    public void dispose() {
        context.segmentsRevision().removeListener(changed);
        context.dataRevision().removeListener(changed);
    }

    private void invalidate() {
        vm.invalidate();
    }

    public PriorityListViewModel viewModel() {
        return vm;
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void onShown() {
        vm.refresh();
    }

    @Override
    public void refresh() {
        vm.refresh();
        vm.invalidate();
    }

    @Override
    public boolean handle(PageCommand command) {
        if (command == PageCommand.SAVE && vm.modelProperty().get() != null) {
            vm.save();
            return true;
        }
        return false;
    }
}
