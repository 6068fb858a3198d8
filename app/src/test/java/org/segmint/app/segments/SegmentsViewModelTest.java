package org.segmint.app.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.Navigator;
import org.segmint.app.shell.PageId;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

class SegmentsViewModelTest {
    @TempDir
    Path dir;
    private AppContext context;
    private ScriptedDialogs dialogs;
    private SegmentsViewModel model;
    private final List<String> navigation = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dialogs = new ScriptedDialogs();
        context = new AppContext(new SameThreadExecutor(), dialogs, new SettingsStore(dir.resolve("settings.json")));
        context.setSession(AppContext.createFile(dir.resolve("shop.segmint")));
        Navigator navigator = new Navigator() {
            @Override
            public void show(PageId page) {
                navigation.add("show " + page);
            }

            @Override
            public void openSegment(String name) {
                navigation.add("open " + name);
            }

            @Override
            public void newSegment() {
                navigation.add("new");
            }
        };
        model = new SegmentsViewModel(context, navigator,
                Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private void save(String name, String folder, SegmentStatus status, Condition definition) {
        try {
            Thread.sleep(3); // distinct update times for the "last updated" order
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.requireSession().read(ws -> new SegmentStore(ws).save(
                new Segment(name, "", folder, status, definition, null)));
    }

    private static Condition city(String city) {
        return GroupCondition.all(List.of(AttributeCondition.of("customers.city", Operator.EQ, city)));
    }

    private List<String> names() {
        return model.rows().stream().map(SegmentRow::name).toList();
    }

    @Test
    void anEmptyWorkspaceShowsTheEmptyState() {
        model.load();
        assertTrue(model.emptyProperty().get());
        assertTrue(model.rows().isEmpty());
        save("Paris", "", SegmentStatus.DRAFT, city("Paris"));
        context.notifySegmentsChanged();
        assertFalse(model.emptyProperty().get());
        assertEquals(List.of("Paris"), names());
    }

    @Test
    void sortsByNameStatusAndUpdatedWithPinnedSegmentsAlwaysOnTop() {
        save("beta", "", SegmentStatus.ARCHIVED, city("B"));
        save("Alpha", "", SegmentStatus.ACTIVE, city("A"));
        save("gamma", "", SegmentStatus.DRAFT, city("G"));
        save("Delta", "", SegmentStatus.ACTIVE, city("D"));
        model.load();
        assertEquals(List.of("Alpha", "beta", "Delta", "gamma"), names(), "case-insensitive by name");
        model.sortBy(SortKey.NAME, false);
        assertEquals(List.of("gamma", "Delta", "beta", "Alpha"), names());
        model.sortBy(SortKey.STATUS, true);
        assertEquals(List.of("gamma", "Alpha", "Delta", "beta"), names(), "draft, active, archived");
        model.sortBy(SortKey.UPDATED, false);
        assertEquals("Delta", names().get(0), "last saved first");

        model.togglePin(model.rows().stream().filter(r -> r.name().equals("gamma")).findFirst().orElseThrow());
        model.sortBy(SortKey.NAME, true);
        assertEquals(List.of("gamma", "Alpha", "beta", "Delta"), names());
        assertTrue(model.rows().get(0).pinned());
        model.sortBy(SortKey.NAME, false);
        assertEquals("gamma", names().get(0), "pinned stays on top in any order");
    }

    @Test
    void aPinnedSegmentShowsTheIconChosenForIt() {
        save("gamma", "", SegmentStatus.DRAFT, city("G"));
        model.load();
        model.togglePin(model.rows().get(0));
        assertEquals(SegmentIcon.STAR, model.rows().get(0).icon(), "pinned with the default icon");
        model.chooseIcon(model.rows().get(0), SegmentIcon.TRENDING_UP);
        assertEquals(SegmentIcon.TRENDING_UP, model.rows().get(0).icon());
        assertEquals("gamma", model.selectedProperty().get().name(), "the segment stays selected");
    }

    @Test
    void filtersByTextAndFolder() {
        save("Paris buyers", "Europe", SegmentStatus.DRAFT, city("Paris"));
        save("Lyon buyers", "Europe", SegmentStatus.DRAFT, city("Lyon"));
        save("Austin buyers", "Americas", SegmentStatus.DRAFT, city("Austin"));
        save("Everyone", "", SegmentStatus.DRAFT, city("X"));
        model.load();
        assertEquals(List.of(SegmentsViewModel.ALL_FOLDERS, "Americas", "Europe", SegmentsViewModel.NO_FOLDER),
                model.folders());
        model.filterTextProperty().set("BUYERS");
        assertEquals(List.of("Austin buyers", "Lyon buyers", "Paris buyers"), names());
        model.folderProperty().set("Europe");
        assertEquals(List.of("Lyon buyers", "Paris buyers"), names());
        assertEquals("2 of 4 segments", model.summaryProperty().get());
        model.filterTextProperty().set("par");
        assertEquals(List.of("Paris buyers"), names());
        model.filterTextProperty().set("");
        model.folderProperty().set(SegmentsViewModel.NO_FOLDER);
        assertEquals(List.of("Everyone"), names());
    }

    @Test
    void deletingAUsedSegmentNamesWhereItIsUsedAndKeepsItWhenTheUserSaysNo() {
        save("VIP", "", SegmentStatus.ACTIVE, city("Paris"));
        save("VIP in Lyon", "", SegmentStatus.DRAFT, GroupCondition.all(List.of(
                new MembershipCondition(MembershipCondition.Kind.SEGMENT, "VIP", true),
                AttributeCondition.of("customers.city", Operator.EQ, "Lyon"))));
        context.requireSession().read(ws -> {
            new ModelStore(ws).save(new PriorityModel("Q4 plan", List.of(ModelEntry.saved("VIP")), null, null));
            return null;
        });
        model.load();
        SegmentRow vip = model.rows().stream().filter(r -> r.name().equals("VIP")).findFirst().orElseThrow();
        assertEquals(2, vip.usedIn().size());

        dialogs.confirmAnswers.add(false);
        model.delete(vip);
        String asked = dialogs.confirmations.get(0);
        assertTrue(asked.contains("segment 'VIP in Lyon'") && asked.contains("model 'Q4 plan'"), asked);
        assertEquals(2, model.rows().size(), "kept when the user says no");

        dialogs.confirmAnswers.add(true);
        model.delete(vip);
        assertEquals(List.of("VIP in Lyon"), names());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void deletingAnUnusedSegmentAsksPlainly() {
        save("Old", "", SegmentStatus.DRAFT, city("Paris"));
        model.load();
        dialogs.confirmAnswers.add(true);
        model.delete(model.rows().get(0));
        assertTrue(dialogs.confirmations.get(0).startsWith("Delete the segment 'Old'?"));
        assertTrue(model.emptyProperty().get());
    }

    @Test
    void renameCopyAndMoveChangeTheStoreAndKeepTheSelection() {
        save("Paris", "", SegmentStatus.DRAFT, city("Paris"));
        model.load();
        dialogs.promptAnswers.add("Paris fans");
        model.rename(model.rows().get(0));
        assertEquals(List.of("Paris fans"), names());
        assertEquals("Paris fans", model.selectedProperty().get().name());

        dialogs.promptAnswers.add("Copy of Paris fans");
        model.copy(model.rows().get(0));
        assertEquals(List.of("Copy of Paris fans", "Paris fans"), names());

        dialogs.promptAnswers.add("France");
        model.move(model.selectedProperty().get());
        SegmentRow moved = model.rows().stream().filter(r -> r.name().equals("Copy of Paris fans")).findFirst()
                .orElseThrow();
        assertEquals("France", moved.folder());
        assertTrue(model.folders().contains("France"));
    }

    @Test
    void aNameThatIsTakenIsRefusedWithOneClearMessage() {
        save("A", "", SegmentStatus.DRAFT, city("Paris"));
        save("B", "", SegmentStatus.DRAFT, city("Lyon"));
        model.load();
        dialogs.promptAnswers.add("B");
        model.rename(model.rows().get(0));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("already exists"), dialogs.errors.get(0));
        assertEquals(List.of("A", "B"), names());
    }

    @Test
    void segmentsWithoutACountAreCountedByTheEngineAndTheUncountableSayWhy() {
        context.requireSession().read(ws -> {
            try (var st = ws.connection().createStatement()) {
                st.executeUpdate("INSERT INTO customers(customer_id) VALUES ('C1'), ('C2'), ('C3')");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            ws.bumpDataVersion();
            return null;
        });
        save("Some", "", SegmentStatus.DRAFT, GroupCondition.all(List.of(
                AttributeCondition.of("customers.customer_id", Operator.IN, "C1", "C3", "C9"))));
        save("Broken", "", SegmentStatus.DRAFT, city("Paris"));
        model.load();
        SegmentRow some = model.rows().stream().filter(r -> r.name().equals("Some")).findFirst().orElseThrow();
        assertEquals(2L, some.lastCount());
        assertEquals(Instant.parse("2026-11-23T12:00:00Z"), some.lastCountedAt());
        SegmentRow broken = model.rows().stream().filter(r -> r.name().equals("Broken")).findFirst().orElseThrow();
        assertEquals(null, broken.lastCount());
        assertTrue(model.countProblem("Broken").contains("city"), model.countProblem("Broken"));
        assertFalse(model.countingProperty().get());
    }

    @Test
    void openAndNewHandOverToTheEditor() {
        save("Paris", "", SegmentStatus.DRAFT, city("Paris"));
        model.load();
        model.open(model.rows().get(0));
        model.newSegment();
        assertEquals(List.of("open Paris", "new"), navigation);
    }

    @Test
    void exportedSegmentFilesImportUnderFreeNames() {
        save("Paris", "Europe", SegmentStatus.ACTIVE, city("Paris"));
        model.load();
        Path file = dir.resolve("paris.json");
        dialogs.fileAnswers.add(file);
        model.exportFile(model.rows().get(0));
        model.importFile(file);
        assertEquals(List.of("Paris", "Paris (2)"), names());
        SegmentRow copy = model.rows().get(1);
        assertEquals("Europe", copy.folder());
        assertEquals(SegmentStatus.ACTIVE, copy.status());
        assertEquals(1, dialogs.infos.size());
    }

    @Test
    void aSegmentFileThatIsNotJsonGivesAClearError() throws Exception {
        Path bad = dir.resolve("bad.json");
        java.nio.file.Files.writeString(bad, "{ nope");
        model.load();
        model.importFile(bad);
        assertEquals(1, dialogs.errors.size());
        assertFalse(dialogs.errors.get(0).contains("Exception"), dialogs.errors.get(0));
        assertTrue(model.emptyProperty().get());
        Workspace ws = context.requireSession().read(w -> w);
        assertEquals(0, new SegmentStore(ws).list().size());
    }
}
