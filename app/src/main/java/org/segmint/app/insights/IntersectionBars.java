package org.segmint.app.insights;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.segmint.model.compare.OverlapMatrix;

/**
 * Intersection bars (an UpSet-style diagram) of up to five sets: one bar per non-empty exact intersection, largest
 * first, with a matrix of dots under it saying which sets the bar's members are in. Clicking a bar hands its
 * combination to {@code onPick} (which offers to save it).
 */
final class IntersectionBars extends Pane {
    private static final double COLUMN = 40;
    private static final double BAR_HEIGHT = 120;
    private static final double ROW = 20;
    private static final double NAMES = 170;

    IntersectionBars(OverlapMatrix m, BiConsumer<OverlapMatrix.Combination, javafx.scene.Node> onPick) {
        getStyleClass().add("sg-upset");
        List<OverlapMatrix.Combination> bars = m.combinations().stream().filter(c -> c.count() > 0).toList();
        long max = bars.stream().mapToLong(OverlapMatrix.Combination::count).max().orElse(1);
        double top = 18;
        double matrixTop = top + BAR_HEIGHT + 8;
        for (int i = 0; i < m.count(); i++) {
            Label name = new Label(m.names().get(i));
            name.getStyleClass().add("sg-upset-name");
            name.setMaxWidth(NAMES - 8);
            name.setPrefWidth(NAMES - 8);
            name.setAlignment(Pos.CENTER_RIGHT);
            name.relocate(0, matrixTop + i * ROW + 1);
            getChildren().add(name);
        }
        for (int b = 0; b < bars.size(); b++) {
            OverlapMatrix.Combination c = bars.get(b);
            double x = NAMES + b * COLUMN;
            double h = Math.max(2, BAR_HEIGHT * c.count() / (double) max);
            Rectangle bar = new Rectangle(x + 8, top + BAR_HEIGHT - h, COLUMN - 16, h);
            bar.getStyleClass().add("sg-upset-bar");
            bar.setId("intersection-" + c.mask());
            bar.setUserData(c.count());
            Tooltip.install(bar, new Tooltip(String.join(" and ", c.names()) + (c.names().size() < m.count()
                    ? " only" : "") + ": " + Formats.count(c.count()) + "\nclick to save it"));
            bar.setOnMouseClicked(e -> onPick.accept(c, bar));
            Label count = new Label(Formats.count(c.count()));
            count.getStyleClass().add("sg-upset-count");
            count.setPrefWidth(COLUMN + 8);
            count.setAlignment(Pos.CENTER);
            count.relocate(x - 4, top + BAR_HEIGHT - h - 16);
            getChildren().addAll(bar, count);
            double first = -1;
            double last = -1;
            for (int i = 0; i < m.count(); i++) {
                boolean in = (c.mask() & (1 << i)) != 0;
                double cy = matrixTop + i * ROW + ROW / 2;
                Circle dot = new Circle(x + COLUMN / 2, cy, 5);
                dot.getStyleClass().add(in ? "sg-upset-dot-in" : "sg-upset-dot-out");
                getChildren().add(dot);
                if (in) {
                    first = first < 0 ? cy : first;
                    last = cy;
                }
            }
            if (last > first) {
                Line link = new Line(x + COLUMN / 2, first, x + COLUMN / 2, last);
                link.getStyleClass().add("sg-upset-link");
                getChildren().add(1, link);
            }
        }
        double width = NAMES + Math.max(1, bars.size()) * COLUMN + 8;
        double height = matrixTop + m.count() * ROW + 6;
        setPrefSize(width, height);
        setMinSize(width, height);
    }
}
