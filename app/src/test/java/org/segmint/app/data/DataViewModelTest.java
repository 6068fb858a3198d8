package org.segmint.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.persistence.workspace.AsOfSetting;

class DataViewModelTest {
    @TempDir
    Path dir;
    private AppContext context;
    private ScriptedDialogs dialogs;
    private DataViewModel model;

    @BeforeEach
    void setUp() {
        dialogs = new ScriptedDialogs();
        context = new AppContext(new SameThreadExecutor(), dialogs, new SettingsStore(dir.resolve("settings.json")));
        context.setSession(AppContext.createFile(dir.resolve("shop.segmint")));
        model = new DataViewModel(context);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void listsTheTablesWithRowsAndTheSelectedTablesAttributes() {
        model.load();
        assertEquals("customers", model.tables().get(0).name());
        assertEquals(0, model.tables().get(0).rows());
        assertTrue(model.tables().stream().anyMatch(t -> t.name().equals("orders")));
        assertEquals("customers", model.selectedTableProperty().get().name());
        assertEquals("customer_id", model.attributes().get(0).column());
        model.selectedTableProperty().set(model.tables().stream().filter(t -> t.name().equals("orders"))
                .findFirst().orElseThrow());
        assertTrue(model.attributes().stream().allMatch(f -> f.table().equals("orders")));
    }

    @Test
    void aFixedAsOfDateIsSavedAndAnnouncedAsADataChange() {
        model.load();
        assertEquals(AsOfSetting.Mode.LATEST, model.asOfModeProperty().get());
        assertFalse(model.asOfDirtyProperty().get());
        int revision = context.dataRevision().get();
        model.asOfModeProperty().set(AsOfSetting.Mode.FIXED);
        assertFalse(model.asOfDirtyProperty().get(), "no date picked yet");
        model.asOfDateProperty().set(LocalDate.of(2025, 6, 30));
        assertTrue(model.asOfDirtyProperty().get());
        model.applyAsOf();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(LocalDate.of(2025, 6, 30), context.requireSession().read(ws -> ws.asOf()));
        assertEquals(revision + 1, context.dataRevision().get());
        assertFalse(model.asOfDirtyProperty().get());
        assertTrue(model.asOfTextProperty().get().contains("2025-06-30 (a fixed date)"),
                model.asOfTextProperty().get());
    }

    @Test
    void fixedWithoutADateIsRefusedWithAClearMessage() {
        model.load();
        model.asOfModeProperty().set(AsOfSetting.Mode.FIXED);
        model.applyAsOf();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("Pick the date"));
        assertEquals(AsOfSetting.Mode.LATEST, context.requireSession().read(ws -> ws.asOfSetting().mode()));
        model.revertAsOf();
        assertEquals(AsOfSetting.Mode.LATEST, model.asOfModeProperty().get());
    }
}
