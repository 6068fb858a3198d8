package org.segmint.app.insights;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The insights of the segment being edited, in tabs: Summary, Breakdown, Compare and Customers. Only the tab that
 * shows computes; the others catch up when the user switches to them.
 */
public final class InsightsTabs extends TabPane {
    /** The tabs, in order. */
    public enum Which { SUMMARY, BREAKDOWN, COMPARE, CUSTOMERS }

    public InsightsTabs(InsightsPanel summary, BreakdownView breakdown, BreakdownViewModel breakdownVm,
                        CompareView compare, CompareViewModel compareVm, CustomersView customers,
                        CustomersViewModel customersVm) {
        getStyleClass().add("sg-insights-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinWidth(0);
        Tab s = tab("Summary", "tab-summary", summary);
        Tab b = tab("Breakdown", "tab-breakdown", breakdown);
        Tab c = tab("Compare", "tab-compare", compare);
        Tab m = tab("Customers", "tab-customers", customers);
        getTabs().setAll(s, b, c, m);
        getSelectionModel().selectedItemProperty().addListener((o, old, t) -> {
            breakdownVm.setActive(t == b);
            compareVm.setActive(t == c);
            customersVm.setActive(t == m);
        });
    }

    /** Shows one tab. */
    public void show(Which which) {
        getSelectionModel().select(which.ordinal());
    }

    private static Tab tab(String text, String id, javafx.scene.Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }
}
