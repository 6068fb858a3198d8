package org.segmint.app.shell;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Shown while no workspace is open: what Segmint is, New / Open / Demo, the recent workspaces, and the
 * progress of a workspace being opened or generated.
 */
final class StartView extends VBox {

    StartView(MainViewModel model, Runnable newAction, Runnable openAction) {
        getStyleClass().add(Styles.START_VIEW);
        setAlignment(Pos.CENTER);
        setSpacing(16);

        ImageView logo = new ImageView(AppIcon.image(64));
        Label title = new Label("Welcome to Segmint");
        title.getStyleClass().add(Styles.TITLE);
        Label subtitle = new Label("Build audience segments from your customer data, see how many customers match"
                + " and what they are worth. Open a workspace to start, or explore the demo.");
        subtitle.getStyleClass().add(Styles.MUTED);
        subtitle.setWrapText(true);
        subtitle.setMaxWidth(520);
        subtitle.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);

        Button create = new Button("New workspace…");
        create.setOnAction(e -> newAction.run());
        Button open = new Button("Open workspace…");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> openAction.run());
        Button demo = new Button("Open the demo");
        demo.setOnAction(e -> model.openDemo());
        HBox buttons = new HBox(10, open, create, demo);
        buttons.setAlignment(Pos.CENTER);
        buttons.disableProperty().bind(model.busyProperty());

        Label recentTitle = new Label("Recent workspaces");
        recentTitle.getStyleClass().add(Styles.SUBTITLE);
        ListView<String> recent = new ListView<>(model.recentWorkspaces());
        recent.getStyleClass().add(Styles.RECENT_LIST);
        recent.setMaxWidth(520);
        recent.setPrefHeight(180);
        recent.setCellFactory(v -> new RecentCell());
        recent.setOnMouseClicked(e -> {
            String item = recent.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && item != null && !model.busyProperty().get()) {
                model.open(Path.of(item));
            }
        });
        recent.setOnKeyPressed(e -> {
            String item = recent.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && item != null) {
                model.open(Path.of(item));
            }
        });
        VBox recentBox = new VBox(6, recentTitle, recent);
        recentBox.setMaxWidth(520);
        recentBox.visibleProperty().bind(Bindings.isNotEmpty(model.recentWorkspaces()));
        recentBox.managedProperty().bind(recentBox.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(360);
        progress.progressProperty().bind(model.busyProgressProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(model.busyMessageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancelBusy());
        VBox busyBox = new VBox(8, progressText, progress, cancel);
        busyBox.setAlignment(Pos.CENTER);
        busyBox.visibleProperty().bind(model.busyProperty());
        busyBox.managedProperty().bind(busyBox.visibleProperty());

        getChildren().addAll(logo, title, subtitle, buttons, busyBox, recentBox);
    }

    /** A recent workspace: file name in bold, folder below. */
    private static final class RecentCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Path p = Path.of(item);
            Label name = new Label(String.valueOf(p.getFileName()));
            name.getStyleClass().add(Styles.SUBTITLE);
            Label folder = new Label(String.valueOf(p.toAbsolutePath().getParent()));
            folder.getStyleClass().addAll(Styles.MUTED, Styles.SMALL);
            setGraphic(new VBox(2, name, folder));
            setText(null);
        }
    }
}
