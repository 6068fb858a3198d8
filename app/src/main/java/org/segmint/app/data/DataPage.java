package org.segmint.app.data;

import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import org.segmint.app.importer.ImportDialog;
import org.segmint.app.lists.ListUploadDialog;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Page;
import org.segmint.app.shell.PageCommand;

/** The Data page: wires {@link DataView} to {@link DataViewModel} and opens the import dialog. */
public final class DataPage implements Page {
    private final AppContext context;
    private final DataViewModel model;
    private final HierarchyViewModel hierarchy;
    private final DataView view;
    private final InvalidationListener reload = o -> reloadTables();

    public DataPage(AppContext context) {
        this.context = context;
        this.model = new DataViewModel(context);
        this.hierarchy = new HierarchyViewModel(context);
        this.view = new DataView(model, hierarchy, this::importCsv, this::uploadList);
        context.dataRevision().addListener(reload);
    }

    @Override
    public void dispose() {
        context.dataRevision().removeListener(reload);
    }

    public DataViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void onShown() {
        model.load();
        hierarchy.load();
    }

    @Override
    public void refresh() {
        model.load();
        hierarchy.load();
    }

    @Override
    public boolean handle(PageCommand command) {
        if (command == PageCommand.IMPORT_CSV) {
            importCsv();
            return true;
        }
        return false;
    }

    private void reloadTables() {
        model.load();
        hierarchy.load();
    }

    private void importCsv() {
        ImportDialog.chooseAndShow(context, view.getScene().getWindow());
    }

    private void uploadList() {
        ListUploadDialog.chooseAndUpload(context, view.getScene().getWindow());
    }
}
