package org.segmint.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;

class PriorityListViewModelTest {
    private final Map<String, RoaringBitmap> segments = new HashMap<>();
    private final Map<String, PriorityModel> models = new HashMap<>();
    private final Deque<Runnable> background = new ArrayDeque<>();
    private int computed;

    private final MembershipSource source = new MembershipSource() {
        @Override
        public RoaringBitmap members(ModelEntry entry, Cancellation cancel) {
            computed++;
            return segments.get(entry.name());
        }

        @Override
        public RoaringBitmap allCustomers() {
            return RoaringBitmap.bitmapOfRange(0, 100);
        }

        @Override
        public List<String> modelWarnings(PriorityModel model, Cancellation cancel) {
            return List.of(model.entries().size() + " entries checked");
        }

        @Override
        public List<String> segmentNames() {
            return List.copyOf(segments.keySet());
        }
    };

    private final ModelRepository repository = new ModelRepository() {
        @Override
        public List<String> names() {
            return List.copyOf(models.keySet());
        }

        @Override
        public Optional<PriorityModel> find(String name) {
            return Optional.ofNullable(models.get(name));
        }

        @Override
        public void save(PriorityModel model) {
            models.put(model.name(), model);
        }
    };

    private final PriorityListViewModel vm = new PriorityListViewModel(repository, source,
            BackgroundExecutor.of(background::add, Runnable::run));

    @BeforeEach
    void workspace() {
        segments.put("VIP", RoaringBitmap.bitmapOfRange(0, 10));
        segments.put("Buyers", RoaringBitmap.bitmapOfRange(0, 40));
        segments.put("Subscribers", RoaringBitmap.bitmapOfRange(30, 60));
        segments.put("Everyone", RoaringBitmap.bitmapOfRange(0, 100));
        models.put("Holiday", new PriorityModel("Holiday",
                List.of(ModelEntry.saved("VIP"), ModelEntry.saved("Buyers"), ModelEntry.saved("Subscribers")),
                "Rest", Map.of()));
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private List<Long> assigned() {
        return vm.rows().stream().map(PriorityRow::assigned).toList();
    }

    @Test
    void countsFollowTheFirstMatchOrder() {
        vm.select("Holiday");
        assertTrue(vm.computingProperty().get());
        runBackground();
        assertEquals(List.of(10L, 30L, 20L), assigned());
        assertEquals(List.of(10L, 40L, 30L), vm.rows().stream().map(PriorityRow::qualifying).toList());
        assertEquals(Map.of("VIP", 10L), vm.rows().get(1).takenBy());
        assertEquals(Map.of("Buyers", 10L), vm.rows().get(2).takenBy());
        assertEquals(40, vm.leftoversProperty().get());
        assertEquals("3 entries checked", vm.modelWarningsProperty().get());
    }

    @Test
    void reorderRecomputesFromCachedMembershipsAtOnce() {
        vm.select("Holiday");
        runBackground();
        int before = computed;
        vm.move(2, 0);
        assertTrue(background.isEmpty(), "no engine work for a reorder");
        assertEquals(before, computed);
        assertEquals(List.of("Subscribers", "VIP", "Buyers"), vm.rows().stream().map(PriorityRow::name).toList());
        assertEquals(List.of(30L, 10L, 20L), assigned());
        assertTrue(vm.dirtyProperty().get());
        vm.save();
        assertEquals("Subscribers", models.get("Holiday").entries().get(0).name());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void warningsMarkASegmentThatTakesEveryoneAndOneThatReceivesNobody() {
        vm.select("Holiday");
        runBackground();
        vm.add("Everyone");
        runBackground();
        vm.move(3, 0);
        assertTrue(vm.rows().get(0).warning().contains("matches every customer"), vm.rows().get(0).warning());
        assertTrue(vm.rows().get(1).warning().contains("receives nobody"), vm.rows().get(1).warning());
        assertEquals(0, vm.leftoversProperty().get());
    }

    @Test
    void removingAnEntryGivesItsCustomersToTheNextOnes() {
        vm.select("Holiday");
        runBackground();
        vm.remove(0);
        runBackground();
        assertEquals(List.of(40L, 20L), assigned());
        assertEquals("2 entries checked", vm.modelWarningsProperty().get(), "removing an entry checks again");
    }

    @Test
    void anInlineSegmentIsAddedEditedAndNamedApartFromTheOthers() {
        vm.select("Holiday");
        runBackground();
        org.segmint.model.segment.Condition anyone = org.segmint.model.segment.GroupCondition.all(List.of());
        segments.put("Late joiners", RoaringBitmap.bitmapOfRange(90, 100));
        vm.addInline("  Late joiners ", anyone);
        runBackground();
        assertEquals("Late joiners", vm.rows().get(3).name());
        assertTrue(vm.entry(3).isInline());
        assertEquals(List.of(10L, 30L, 20L, 10L), assigned());
        assertEquals(30, vm.leftoversProperty().get());
        assertTrue(vm.dirtyProperty().get());
        IllegalArgumentException taken = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> vm.addInline("VIP", anyone));
        assertTrue(taken.getMessage().contains("already in this model"), taken.getMessage());
        IllegalArgumentException bucket = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> vm.addInline("Rest", anyone));
        assertTrue(bucket.getMessage().contains("leftovers bucket"), bucket.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> vm.editInline(0, "Top", anyone), "a saved segment is edited in the editor");

        segments.put("Newcomers", RoaringBitmap.bitmapOfRange(95, 100));
        vm.editInline(3, "Newcomers", anyone);
        runBackground();
        assertEquals("Newcomers", vm.rows().get(3).name());
        assertEquals(35, vm.leftoversProperty().get());
        vm.save();
        assertEquals(ModelEntry.inline("Newcomers", anyone), models.get("Holiday").entries().get(3));
    }

    @Test
    void theLeftoversBucketIsNamedRenamedAndRemoved() {
        vm.select("Holiday");
        runBackground();
        vm.setLeftovers(" Everyone else ");
        assertEquals("Everyone else", vm.modelProperty().get().leftovers());
        assertTrue(vm.dirtyProperty().get());
        IllegalArgumentException clash = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> vm.setLeftovers("VIP"));
        assertTrue(clash.getMessage().contains("a name of its own"), clash.getMessage());
        vm.setLeftovers("");
        assertEquals(null, vm.modelProperty().get().leftovers(), "blank: no bucket");
        assertEquals(40, vm.leftoversProperty().get(), "the customers in no segment are still counted");
        vm.save();
        assertEquals(null, models.get("Holiday").leftovers());
    }
}
