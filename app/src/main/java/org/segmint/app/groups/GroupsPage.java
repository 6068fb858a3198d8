package org.segmint.app.groups;

import java.time.Clock;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.Page;

/** The Groups page: a Groups tab (list, detail, history, batch operations) and a Clusters tab. */
public final class GroupsPage implements Page {
    private final AppContext context;
    private final GroupsViewModel groups;
    private final ClusterViewModel clusters;
    private final TabPane tabs = new TabPane();
    private final ChangeListener<Number> changed = (o, old, rev) -> refresh();

    public GroupsPage(AppContext context, Navigator navigator) {
        this.context = context;
        GroupService service = new WorkspaceGroups(context.requireSession());
        groups = new GroupsViewModel(service, context.executor(), Clock.systemDefaultZone());
        clusters = new ClusterViewModel(service, context.executor());
        Tab groupsTab = new Tab("Groups", new GroupsView(groups, context.dialogs()));
        groupsTab.setId("groups-tab");
        Tab clustersTab = new Tab("Clusters", new ClusterView(clusters, context.dialogs(), groups));
        clustersTab.setId("clusters-tab");
        tabs.getTabs().setAll(groupsTab, clustersTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        context.dataRevision().addListener(changed);
        context.segmentsRevision().addListener(changed);
        // a recalculation or a batch operation changes what the clusters count
        groups.rows().addListener((javafx.collections.ListChangeListener<GroupRow>) c -> clusters.invalidate());
    }

    public GroupsViewModel groups() {
        return groups;
    }

    public ClusterViewModel clusters() {
        return clusters;
    }

    /** Shows the Clusters tab (true) or the Groups tab. */
    public void showClusters(boolean show) {
        tabs.getSelectionModel().select(show ? 1 : 0);
    }

    @Override
    public Node node() {
        return tabs;
    }

    @Override
    public void onShown() {
        refresh();
    }

    @Override
    public void refresh() {
        groups.refresh();
        clusters.refresh();
    }

    @Override
    public void dispose() {
        context.dataRevision().removeListener(changed);
        context.segmentsRevision().removeListener(changed);
    }
}
