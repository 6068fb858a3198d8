package org.segmint.app.editor;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import org.roaringbitmap.RoaringBitmap;
import java.util.List;
import org.segmint.app.export.ExportMembersDialog;
import org.segmint.app.history.HistorySource;
import org.segmint.app.history.HistoryView;
import org.segmint.app.history.HistoryViewModel;
import org.segmint.app.insights.BreakdownView;
import org.segmint.app.insights.BreakdownViewModel;
import org.segmint.app.insights.CompareView;
import org.segmint.app.insights.CompareViewModel;
import org.segmint.app.insights.CustomersView;
import org.segmint.app.insights.CustomersViewModel;
import org.segmint.app.insights.InsightsPanel;
import org.segmint.app.insights.InsightsTabs;
import org.segmint.app.insights.SessionInsights;
import org.segmint.app.lists.ListUploadDialog;
import org.segmint.app.insights.InsightsSource;
import org.segmint.app.insights.InsightsViewModel;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.PageCommand;
import org.segmint.app.shell.SegmentEditorPage;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Scheduler;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.members.PerCustomer;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.store.SegmentHistory;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.store.SegmentVersion;
import org.segmint.persistence.workspace.Workspace;

/**
 * The segment editor page of the main window: builds the editor, the palette and the insights panel
 * over the open workspace, and connects them (a finished count feeds the insights and is remembered
 * for the Segments page).
 */
public final class EditorPage implements SegmentEditorPage {
    private final AppContext context;
    private final WorkspaceEditorServices services;
    private final SegmentEditorViewModel vm;
    private final SegmentEditorView view;
    private final InsightsViewModel insights;
    private final BreakdownViewModel breakdown;
    private final CompareViewModel compare;
    private final CustomersViewModel customers;
    private final InsightsTabs tabs;
    private final LevelSwitch levelSwitch;
    private final ChangeListener<Number> dataListener;
    private HistoryView lastHistory;

    public EditorPage(AppContext context, Navigator navigator) {
        this.context = context;
        WorkspaceSession session = context.requireSession();
        BackgroundExecutor executor = context.executor();
        this.services = new WorkspaceEditorServices(session);
        LiveCount count = new LiveCount(services, Scheduler.daemon(), executor, System::nanoTime);
        this.vm = new SegmentEditorViewModel(services, services, count);
        Catalog catalog = session.read(Workspace::catalog);
        AttributePaletteViewModel palette = new AttributePaletteViewModel(catalog, services::eventTypes);
        this.view = new SegmentEditorView(vm, palette, services, executor,
                context.dialogs()::showError);
        Insights workspaceInsights = session.read(Insights::new);
        this.insights = new InsightsViewModel(new InsightsSource() {
            @Override
            public InsightSummary summary(RoaringBitmap members, String sql, Cancellation cancel) {
                return session.read(ws -> workspaceInsights.summary(members, ws.asOf(), sql, cancel));
            }

            @Override
            public InsightSummary baseline(Cancellation cancel) {
                return session.read(ws -> workspaceInsights.baseline(ws.asOf(), cancel));
            }
        }, executor);
        SessionInsights tabServices = new SessionInsights(session, workspaceInsights);
        this.breakdown = new BreakdownViewModel(tabServices, executor);
        breakdown.setOnChoice(vm::setBreakdownChoice);
        this.compare = new CompareViewModel(tabServices, executor);
        this.customers = new CustomersViewModel(tabServices, executor);
        List<Field> perCustomer = catalog.fields().stream().filter(PerCustomer::holds).toList();
        this.tabs = new InsightsTabs(new InsightsPanel(insights), new BreakdownView(breakdown, () -> perCustomer),
                breakdown, new CompareView(compare, context::notifySegmentsChanged), compare,
                new CustomersView(customers, () -> perCustomer, this::export), customers);
        view.setSidePanel(tabs);
        this.levelSwitch = new LevelSwitch(tabServices::levels,
                (members, level) -> tabServices.units(members, level).getLongCardinality(), executor);
        view.addBesideCount(levelSwitch);
        view.setOnExport(() -> export(null));
        view.setOnSaved(context::notifySegmentsChanged);
        view.setOnHistory(() -> showHistory(session, catalog));
        view.setListUploader(owner -> ListUploadDialog.chooseAndUpload(context, owner));
        breakdown.load(vm.breakdownChoice());
        count.stateProperty().addListener((o, old, state) -> {
            if (state == CountState.DONE) {
                countDone(count);
            }
        });
        dataListener = (o, old, rev) -> {
            insights.invalidate();
            workspaceInsights.invalidate();
            vm.liveCount().request(vm.definitionProperty().get());
        };
        context.dataRevision().addListener(dataListener);
    }

    /** The History window of the saved segment; a restore shows the restored segment here. */
    private void showHistory(WorkspaceSession session, Catalog catalog) {
        String name = vm.savedNameProperty().get();
        if (name == null) {
            return;
        }
        HistoryViewModel history = new HistoryViewModel(new HistorySource() {
            @Override
            public List<SegmentVersion> versions(String segment) {
                return session.read(ws -> new SegmentHistory(ws).versions(segment));
            }

            @Override
            public void restore(String segment, int version) {
                session.read(ws -> new SegmentStore(ws).restore(segment, version));
            }

            @Override
            public String label(String fieldId) {
                return catalog.field(fieldId).map(Field::label).orElse(fieldId);
            }
        }, context.executor());
        history.setMayRestore(() -> vm.confirmLeave(SegmentEditorView::askUnsaved));
        history.setOnRestored(() -> {
            services.find(name).ifPresent(s -> vm.load(s, name));
            context.notifySegmentsChanged();
        });
        lastHistory = HistoryView.show(history, name, view.getScene() == null ? null : view.getScene().getWindow());
    }

    /** The History window opened last (for tests), or null. */
    public HistoryView historyView() {
        return lastHistory;
    }

    @Override
    public void dispose() {
        context.dataRevision().removeListener(dataListener);
        vm.liveCount().stop();
    }

    /** The export dialog for the segment as it stands in the editor; {@code columns} null = the default ones. */
    private void export(List<Field> columns) {
        javafx.stage.Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (columns == null) {
            ExportMembersDialog.showForDefinition(context, vm.name(), vm.definitionProperty().get(), owner);
        } else {
            ExportMembersDialog.showForDefinition(context, vm.name(), vm.definitionProperty().get(), columns, owner);
        }
    }

    private void countDone(LiveCount count) {
        Condition definition = vm.definitionProperty().get();
        RoaringBitmap members = count.membersProperty().get();
        java.util.function.Supplier<String> sql = () -> services.viewSql(definition);
        insights.update(members, sql);
        breakdown.update(members, sql);
        compare.update(vm.name(), definition, members);
        customers.update(members, sql);
        levelSwitch.update(members);
        String saved = vm.savedNameProperty().get();
        if (saved != null && !vm.dirtyProperty().get()) {
            long n = count.countProperty().get();
            context.executor().runInBackground(() -> {
                try {
                    services.recordCount(saved, n);
                } catch (RuntimeException e) {
                    // The count on screen is right; only the Segments page misses its latest value.
                }
            });
        }
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void openSegment(String name) {
        try {
            vm.open(name, SegmentEditorView::askUnsaved);
            breakdown.load(vm.breakdownChoice());
        } catch (RuntimeException e) {
            context.dialogs().showError("Could not open the segment", e);
        }
    }

    @Override
    public void newSegment() {
        vm.newSegment(SegmentEditorView::askUnsaved);
        breakdown.load(vm.breakdownChoice());
    }

    /** Shows {@code segment} unsaved (an imported file, a template). */
    public void edit(Segment segment) {
        vm.load(segment, null);
        breakdown.load(vm.breakdownChoice());
    }

    @Override
    public boolean handle(PageCommand command) {
        if (command == PageCommand.SAVE) {
            view.save();
            return true;
        }
        if (command == PageCommand.SAVE_AS) {
            view.saveAs();
            return true;
        }
        if (command == PageCommand.FIND) {
            view.focusSearch();
            return true;
        }
        return false;
    }

    @Override
    public boolean canLeave() {
        return vm.confirmLeave(SegmentEditorView::askUnsaved);
    }

    public SegmentEditorViewModel viewModel() {
        return vm;
    }

    /** The insights tabs beside the editor. */
    public InsightsTabs insightsTabs() {
        return tabs;
    }

    public BreakdownViewModel breakdown() {
        return breakdown;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public CustomersViewModel customers() {
        return customers;
    }
}
