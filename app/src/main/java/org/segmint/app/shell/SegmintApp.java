package org.segmint.app.shell;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application. */
public final class SegmintApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(SegmintApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Segmint");
        stage.setScene(new Scene(new StackPane(new Label("Segmint")), 1200, 800));
        stage.show();
    }
}
