package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.SegmintApp;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.demo.DemoConfig;
import org.segmint.persistence.demo.DemoGenerator;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.workspace.Workspace;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Importing into a workspace that has data never destroys it by default: the dialog guesses the table from the
 * file, picks a mode that loses nothing, and replacing asks first, saying what would be lost.
 */
@ExtendWith(ApplicationExtension.class)
class SafeImportJourneyTest {
    @TempDir
    static Path dir;
    private ShellFixture shell;
    private Path ws;

    @Start
    void start(Stage stage) {
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages());
        ws = dir.resolve("demo-" + System.nanoTime() + ".segmint");
        DemoGenerator.generate(ws, DemoConfig.of(300, 3), Progress.NONE, Cancellation.none());
        shell.context.setSession(org.segmint.app.shell.AppContext.openFile(ws));
    }

    @AfterEach
    void close() {
        shell.close();
    }

    private long customers() {
        try (Workspace w = Workspace.open(ws)) {
            return w.rowCount("customers");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void anOrderLinesFileGoesIntoItemsAndReplacingCustomersAsksFirst(FxRobot robot) throws Exception {
        Path file = dir.resolve("retail-lines.csv");
        Files.writeString(file, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
                + "536365,85123A,6,2010-12-01,2.55,17850\n536366,22633,6,2010-12-01,1.85,17850\n");
        long before = customers();

        robot.clickOn("#nav-data");
        shell.dialogs.files.add(file);
        robot.clickOn("#import-csv");
        ShellFixture.waitUntil("the preview is read", () -> robot.lookup("#import-mapping").tryQuery().isPresent()
                && !robot.lookup("#import-mapping").queryTableView().getItems().isEmpty());
        ComboBox<String> table = robot.lookup("#import-table").queryAs(ComboBox.class);
        ComboBox<ImportMode> mode = robot.lookup("#import-mode").queryAs(ComboBox.class);
        ShellFixture.waitUntil("the table is guessed", () -> "order_items".equals(table.getValue()));
        javafx.scene.control.CheckBox oneStep = robot.lookup("#import-one-step").queryAs(
                javafx.scene.control.CheckBox.class);
        ShellFixture.waitUntil("order lines with customers are offered one step", oneStep::isSelected);
        ShellFixture.waitUntil("one step over data updates and adds", () -> mode.getValue() == ImportMode.UPSERT);
        robot.clickOn(oneStep);
        ShellFixture.waitUntil("the mode adds rows", () -> mode.getValue() == ImportMode.APPEND);

        robot.interact(() -> table.setValue("customers"));
        ShellFixture.waitUntil("the mode for customers updates and adds", () -> mode.getValue() == ImportMode.UPSERT);
        robot.interact(() -> mode.setValue(ImportMode.REPLACE));
        robot.clickOn("#import-run");
        ShellFixture.waitUntil("the confirmation shows", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        String warning = pane.getContentText();
        assertTrue(warning.contains("Replaces the 300 customers now in customers"), warning);
        assertTrue(warning.contains("orders and events will have no customer"), warning);
        robot.clickOn((Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        ShellFixture.waitUntil("the dialog is idle again", () -> !robot.lookup("#import-run").queryButton()
                .isDisabled());
        assertEquals("", robot.lookup("#import-result").queryAs(Label.class).getText());
        assertEquals(before, customers(), "nothing was replaced");
        robot.clickOn("#import-close");
    }
}
