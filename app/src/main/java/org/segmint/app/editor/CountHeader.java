package org.segmint.app.editor;

import java.text.NumberFormat;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The live count at the top of the editor: the number, "customers", and a visible counting state. */
final class CountHeader extends HBox {
    private final LiveCount count;
    private final Label number = new Label("–");
    private final Label status = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();

    CountHeader(LiveCount count) {
        super(10);
        this.count = count;
        getStyleClass().add("sg-count-header");
        number.getStyleClass().add("sg-count-number");
        number.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        number.setId("live-count");
        status.getStyleClass().add("sg-count-status");
        status.setId("live-count-status");
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        Label unit = new Label("customers");
        unit.getStyleClass().add("sg-count-unit");
        getChildren().addAll(number, new VBox(unit, status), spinner);
        InvalidationListener update = o -> update();
        count.stateProperty().addListener(update);
        count.countProperty().addListener(update);
        count.messageProperty().addListener(update);
        update();
    }

    private void update() {
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.US);
        CountState state = count.stateProperty().get();
        spinner.setVisible(state == CountState.COUNTING);
        getStyleClass().removeAll("sg-counting", "sg-count-invalid");
        if (count.countProperty().get() >= 0) {
            number.setText(format.format(count.countProperty().get()));
        }
        switch (state) {
            case COUNTING:
                getStyleClass().add("sg-counting");
                status.setText("counting…");
                break;
            case DONE:
                status.setText("counted in " + count.millisProperty().get() + " ms");
                break;
            case INVALID:
                getStyleClass().add("sg-count-invalid");
                status.setText(count.messageProperty().get());
                break;
            case ERROR:
                getStyleClass().add("sg-count-invalid");
                status.setText("could not count: " + count.messageProperty().get());
                break;
            default:
                status.setText("");
        }
    }
}
