package org.segmint.app.insights;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import org.segmint.model.compare.OverlapMatrix;

/**
 * A Venn diagram of 2 or 3 sets: equal circles, each region labelled with the number in exactly that combination
 * of sets (the same numbers as the intersection bars), each circle with its set's name and size.
 */
final class VennDiagram extends Pane {
    private static final double R = 78;
    private static final String[] COLORS = {"sg-venn-0", "sg-venn-1", "sg-venn-2"};

    VennDiagram(OverlapMatrix m, String unit) {
        getStyleClass().add("sg-venn");
        int n = m.count();
        double[][] centres = n == 2 ? new double[][] {{R + 10, R + 10}, {2.2 * R - 10, R + 10}}
                : new double[][] {{R + 10, R + 10}, {2.2 * R - 10, R + 10}, {1.6 * R, 2.05 * R + 10}};
        for (int i = 0; i < n; i++) {
            Circle c = new Circle(centres[i][0], centres[i][1], R);
            c.getStyleClass().addAll("sg-venn-circle", COLORS[i]);
            getChildren().add(c);
        }
        double legendTop = n == 2 ? 2 * R + 24 : 3.05 * R + 24;
        for (int i = 0; i < n; i++) {
            Circle key = new Circle(6);
            key.getStyleClass().addAll("sg-venn-key", COLORS[i]);
            Label name = new Label((i + 1) + ". " + m.names().get(i) + " · " + Formats.count(m.size(i)), key);
            name.getStyleClass().add("sg-venn-name");
            name.setMaxWidth(3.2 * R);
            name.relocate(4, legendTop + i * 20);
            getChildren().add(name);
        }
        for (int mask = 1; mask < (1 << n); mask++) {
            double x = 0;
            double y = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    x += centres[i][0];
                    y += centres[i][1];
                    k++;
                }
            }
            x /= k;
            y /= k;
            if (k < n) {
                // Push the label away from the sets it is not in, into its own region.
                double ox = 0;
                double oy = 0;
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) == 0) {
                        ox += x - centres[i][0];
                        oy += y - centres[i][1];
                    }
                }
                double len = Math.max(1, Math.hypot(ox, oy));
                double push = k == 1 ? R * 0.45 : R * 0.28;
                x += ox / len * push;
                y += oy / len * push;
            }
            Label count = new Label(Formats.count(m.exactIntersection(mask)));
            count.setId("venn-" + mask);
            count.getStyleClass().add("sg-venn-count");
            count.setUserData(m.exactIntersection(mask));
            count.relocate(x - 18, y - 9);
            getChildren().add(count);
        }
        Label note = new Label("numbers: " + unit + " in exactly that part");
        note.getStyleClass().add("sg-hint");
        double height = legendTop + n * 20 + 24;
        note.relocate(4, height - 20);
        getChildren().add(note);
        setPrefSize(3.2 * R + 20, height);
        setMinSize(3.2 * R + 20, height);
    }
}
