package org.segmint.app.segments;

import java.time.Clock;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import org.segmint.app.export.ExportMembersDialog;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.Page;
import org.segmint.app.shell.PageCommand;
import org.segmint.app.sparkjob.SparkJobDialog;
import org.segmint.app.sparkjob.SparkResultsDialog;

/** The Segments page: wires {@link SegmentsView} to {@link SegmentsViewModel}. */
public final class SegmentsPage implements Page {
    private final SegmentsViewModel model;
    private final SegmentsView view;
    private final AppContext context;
    private final InvalidationListener reload = o -> reloadList();

    public SegmentsPage(AppContext context, Navigator navigator) {
        this.model = new SegmentsViewModel(context, navigator, Clock.systemDefaultZone());
        this.view = new SegmentsView(model, row -> ExportMembersDialog.showForSegment(context, row.name(),
                view().getScene().getWindow()), row -> SparkJobDialog.showForSegment(context, row.name(),
                view().getScene().getWindow()), () -> SparkResultsDialog.chooseAndShow(context,
                view().getScene().getWindow()));
        this.context = context;
        context.dataRevision().addListener(reload);
    }

    @Override
    public void dispose() {
        context.dataRevision().removeListener(reload);
        model.dispose();
    }

    private void reloadList() {
        model.load();
    }

    private SegmentsView view() {
        return view;
    }

    public SegmentsViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void onShown() {
        model.load();
    }

    @Override
    public void refresh() {
        model.load();
    }

    @Override
    public boolean handle(PageCommand command) {
        switch (command) {
            case FIND:
                view.focusSearch();
                return true;
            case EXPORT:
                model.exportAll();
                return true;
            default:
                return false;
        }
    }
}
