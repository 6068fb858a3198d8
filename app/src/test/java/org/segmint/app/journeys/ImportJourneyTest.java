package org.segmint.app.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.data.TableSummary;
import org.segmint.app.shell.AppContext;
import org.segmint.app.SegmintApp;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A marketer imports a customer file through the dialog and sees the rows on the Data page. */
@ExtendWith(ApplicationExtension.class)
class ImportJourneyTest {
    @TempDir
    static Path dir;
    private ShellFixture shell;

    @Start
    void start(Stage stage) {
        shell = new ShellFixture(stage, dir, SegmintApp.standardPages());
        shell.context.setSession(AppContext.createFile(dir.resolve("shop.segmint")));
    }

    @AfterEach
    void close() {
        shell.close();
    }

    @Test
    void importACsvThroughTheDialogAndSeeTheRowsOnTheDataPage(FxRobot robot) throws Exception {
        StringBuilder csv = new StringBuilder("Customer ID;Email;City;Joined\n");
        for (int i = 1; i <= 120; i++) {
            csv.append("C").append(i).append(";c").append(i).append("@example.com;")
                    .append(i % 2 == 0 ? "Paris" : "Lyon").append(";2024-03-").append(String.format("%02d", i % 28 + 1))
                    .append('\n');
        }
        csv.append("C121;broken-row-with-too-few-fields\n");
        Path file = dir.resolve("Customers export.csv");
        Files.writeString(file, csv);

        robot.clickOn("#nav-data");
        ShellFixture.waitUntil("the Data page shows the tables", () -> !robot.lookup("#data-tables")
                .queryTableView().getItems().isEmpty());
        shell.dialogs.files.add(file);
        robot.clickOn("#import-csv");
        ShellFixture.waitUntil("the preview is read", () -> robot.lookup("#import-mapping").tryQuery().isPresent()
                && !robot.lookup("#import-mapping").queryTableView().getItems().isEmpty());
        assertEquals("Semicolon", robot.lookup("#import-delimiter").queryComboBox().getValue());
        assertEquals("", robot.lookup("#import-problem").queryAs(Label.class).getText());

        robot.clickOn("#import-run");
        ShellFixture.waitUntil("the import finished", () -> robot.lookup("#import-result").queryAs(Label.class)
                .getText().startsWith("Imported"));
        String result = robot.lookup("#import-result").queryAs(Label.class).getText();
        assertTrue(result.contains("Imported 120 rows into customers"), result);
        assertTrue(result.contains("1 rows could not be read"), result);
        robot.clickOn("#import-open-rejects");
        assertEquals(1, shell.dialogs.opened.size());
        robot.clickOn("#import-close");

        @SuppressWarnings("unchecked")
        TableView<TableSummary> tables = robot.lookup("#data-tables").queryAs(TableView.class);
        ShellFixture.waitUntil("the Data page shows the new rows", () -> tables.getItems().stream()
                .anyMatch(t -> t.name().equals("customers") && t.rows() == 120));
        TableSummary customers = tables.getItems().stream().filter(t -> t.name().equals("customers")).findFirst()
                .orElseThrow();
        assertEquals(4, customers.attributes(), "customer_id, email, city, joined");
        assertTrue(robot.lookup("#data-attributes").queryTableView().getItems().size() >= 4);
    }
}
