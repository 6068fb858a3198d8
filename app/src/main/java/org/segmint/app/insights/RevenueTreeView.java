package org.segmint.app.insights;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.segmint.model.insight.RevenueTree;

/**
 * The revenue tree drawn as connected boxes: net revenue = customers × revenue per customer; revenue per
 * customer = orders per customer × average order value; average order value = units per transaction ×
 * average unit revenue. Each box shows the value and its change against all customers.
 */
final class RevenueTreeView extends Pane {
    private static final double W = 104;
    /** How far each child sits left or right of its parent; the chain steps right one level at a time. */
    private static final double STEP = W / 2 + 10;
    private static final double WIDTH = 4 * STEP + W;
    private static final double H = 54;
    private static final double GAP_Y = 22;

    RevenueTreeView() {
        getStyleClass().add("sg-revenue-tree");
        setPrefSize(WIDTH, 4 * H + 3 * GAP_Y);
        setMaxWidth(WIDTH);
        setMinHeight(4 * H + 3 * GAP_Y);
    }

    void show(RevenueTree tree, RevenueTree base) {
        getChildren().clear();
        RevenueTree.Changes ch = base == null ? null : tree.changeAgainst(base);
        double x0 = STEP;
        double row = H + GAP_Y;
        double[] net = {x0, 0};
        double[] purchasers = {x0 - STEP, row};
        double[] rpc = {x0 + STEP, row};
        double[] opc = {rpc[0] - STEP, 2 * row};
        double[] aov = {rpc[0] + STEP, 2 * row};
        double[] upt = {aov[0] - STEP, 3 * row};
        double[] aur = {aov[0] + STEP, 3 * row};
        connect(net, purchasers, rpc);
        connect(rpc, opc, aov);
        connect(aov, upt, aur);
        box(net, "Net revenue", Formats.money(tree.netRevenue()), ch == null ? null : ch.netRevenue());
        box(purchasers, "Purchasers", Formats.count(tree.purchasers()), ch == null ? null : ch.purchasers());
        box(rpc, "Rev. / customer", Formats.money(tree.revenuePerCustomer()),
                ch == null ? null : ch.revenuePerCustomer());
        box(opc, "Orders / cust.", Formats.ratio(tree.ordersPerCustomer()),
                ch == null ? null : ch.ordersPerCustomer());
        box(aov, "Avg order value", Formats.money(tree.averageOrderValue()),
                ch == null ? null : ch.averageOrderValue());
        box(upt, "Units / order", Formats.ratio(tree.unitsPerTransaction()),
                ch == null ? null : ch.unitsPerTransaction());
        box(aur, "Avg unit revenue", Formats.money(tree.averageUnitRevenue()),
                ch == null ? null : ch.averageUnitRevenue());
    }

    /** An elbow from the parent's bottom to both children's tops, with "×" between the children. */
    private void connect(double[] parent, double[] left, double[] right) {
        double px = parent[0] + W / 2;
        double py = parent[1] + H;
        double mid = py + GAP_Y / 2;
        line(px, py, px, mid);
        line(left[0] + W / 2, mid, right[0] + W / 2, mid);
        line(left[0] + W / 2, mid, left[0] + W / 2, left[1]);
        line(right[0] + W / 2, mid, right[0] + W / 2, right[1]);
        Label times = new Label("×");
        times.getStyleClass().add("sg-tree-operator");
        times.relocate((left[0] + right[0] + W) / 2 - 4, left[1] + H / 2 - 10);
        getChildren().add(times);
    }

    private void line(double x1, double y1, double x2, double y2) {
        Line line = new Line(x1, y1, x2, y2);
        line.getStyleClass().add("sg-tree-line");
        getChildren().add(line);
    }

    private void box(double[] at, String title, String value, Double change) {
        Label t = new Label(title);
        t.getStyleClass().add("sg-tree-title");
        Label v = new Label(value);
        v.getStyleClass().add("sg-tree-value");
        Label c = new Label(Formats.change(change));
        c.getStyleClass().add(change == null || Math.abs(change) < 0.005 ? "sg-change-flat"
                : change > 0 ? "sg-change-up" : "sg-change-down");
        VBox box = new VBox(0, t, v, c);
        box.getStyleClass().add("sg-tree-box");
        box.setPrefSize(W, H);
        box.setMaxSize(W, H);
        box.resizeRelocate(at[0], at[1], W, H);
        box.relocate(at[0], at[1]);
        getChildren().add(box);
    }
}
