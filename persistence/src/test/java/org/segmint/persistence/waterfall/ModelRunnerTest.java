package org.segmint.persistence.waterfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallWarning;
import org.segmint.persistence.insight.FixedMemberships;
import org.segmint.persistence.insight.InsightFixture;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class ModelRunnerTest {
    @TempDir
    Path dir;

    private static Condition ref(String name) {
        return new MembershipCondition(MembershipCondition.Kind.SEGMENT, name, true);
    }

    private final FixedMemberships sets = new FixedMemberships(Map.of(
            "gold", RoaringBitmap.bitmapOf(1, 3),
            "buyers", RoaringBitmap.bitmapOf(1, 2),
            "young", RoaringBitmap.bitmapOf(3, 5)), RoaringBitmap.bitmapOf(1, 2, 3, 4, 5));

    // Saved segments are themselves references to the hand-made sets of the same name.
    private final ModelRunner runner = new ModelRunner(sets,
            name -> Map.of("Gold", ref("gold"), "Buyers", ref("buyers")).entrySet().stream()
                    .filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst());

    private PriorityModel model() {
        return new PriorityModel("Holiday", List.of(ModelEntry.saved("Gold"), ModelEntry.saved("Buyers"),
                ModelEntry.inline("Young", ref("young"))), "Rest", Map.of());
    }

    @Test
    void savedAndInlineEntriesAreAssignedFirstMatchWins() {
        ModelRun run = runner.run(model(), InsightFixture.AS_OF, Cancellation.none());
        assertEquals(List.of(2, 2, 2), run.result().entries().stream().map(e -> e.qualifying()).toList());
        assertEquals(List.of(2, 1, 1), run.result().entries().stream().map(e -> e.assigned()).toList());
        assertEquals(List.of(1, 0), run.result().entries().get(2).takenBy());
        assertEquals(RoaringBitmap.bitmapOf(4), run.result().leftovers());
        assertEquals(5, run.result().total());
    }

    @Test
    void movingAnEntryRecomputesFromTheCachedSets() {
        ModelRun run = runner.run(model(), InsightFixture.AS_OF, Cancellation.none()).moved(2, 0);
        assertEquals("Young", run.model().entries().get(0).name());
        assertEquals(List.of(2, 1, 1), run.result().entries().stream().map(e -> e.assigned()).toList());
        assertEquals(RoaringBitmap.bitmapOf(1), run.result().entries().get(1).members());
    }

    @Test
    void anUnknownSavedSegmentIsABadInputNamingIt() {
        PriorityModel m = new PriorityModel("M", List.of(ModelEntry.saved("Nope")), null, Map.of());
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> runner.run(m, InsightFixture.AS_OF, Cancellation.none()));
        assertEquals("Model 'M': no saved segment named 'Nope'", e.getMessage());
    }

    @Test
    void customersLandingInAnotherStoredModelAreWarned() {
        PriorityModel other = new PriorityModel("Spring", List.of(ModelEntry.inline("Y", ref("young"))), null,
                Map.of());
        ModelRun run = runner.run(model(), List.of(other, model()), InsightFixture.AS_OF, Cancellation.none());
        List<WaterfallWarning> w = run.result().warnings().stream()
                .filter(x -> x.kind() == WaterfallWarning.Kind.IN_SEVERAL_MODELS).toList();
        assertEquals(1, w.size());
        assertTrue(w.get(0).message().startsWith("2 customers also land in model 'Spring'"), w.get(0).message());
    }

    @Test
    void exportWritesOneFilePerEntryAndAManifest() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            ModelRun run = runner.run(model(), InsightFixture.AS_OF, Cancellation.none());
            Path out = dir.resolve("export");
            List<ModelExport.ExportedFile> files = ModelExport.write(ws, run.result(), out,
                    List.of("customer_id", "customers.signup_date", "email_opt_in"), Cancellation.none());
            assertEquals(List.of("01-gold.csv", "02-buyers.csv", "03-young.csv", "04-rest.csv"),
                    files.stream().map(ModelExport.ExportedFile::file).toList());
            assertEquals(List.of(2L, 1L, 1L, 1L), files.stream().map(ModelExport.ExportedFile::rows).toList());
            assertEquals("customer_id,signup_date,email_opt_in\r\nC1,2010-01-15,true\r\nC3,2010-01-31,yes\r\n",
                    Files.readString(out.resolve("01-gold.csv"), StandardCharsets.UTF_8));
            assertEquals("customer_id,signup_date,email_opt_in\r\nC4,,\r\n",
                    Files.readString(out.resolve("04-rest.csv"), StandardCharsets.UTF_8));
            assertEquals("entry,file,rows\r\nGold,01-gold.csv,2\r\nBuyers,02-buyers.csv,1\r\nYoung,03-young.csv,1\r\n"
                    + "Rest,04-rest.csv,1\r\n", Files.readString(out.resolve(ModelExport.MANIFEST)));
        }
    }

    @Test
    void exportRefusesAnUnknownColumn() throws Exception {
        try (Workspace ws = InsightFixture.create(dir.resolve("a.segmint"))) {
            ModelRun run = runner.run(model(), InsightFixture.AS_OF, Cancellation.none());
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> ModelExport.write(ws, run.result(),
                    dir.resolve("x"), List.of("shoe_size"), Cancellation.none()));
            assertTrue(e.getMessage().contains("'shoe_size'"), e.getMessage());
        }
    }

    static Optional<Condition> none(String name) {
        return Optional.empty();
    }
}
