package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.ManualScheduler;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.Segment;
import org.segmint.model.task.Cancellation;
import org.segmint.model.validation.DefinitionProblem;

class SegmentEditorViewModelTest {
    private static final Field CITY = new Field("customers", "city", FieldType.TEXT, "City");
    private static final Field REVENUE = new Field("metrics", "revenue", FieldType.DECIMAL, "Revenue");

    /** Counts 10 customers per leaf condition; an "equals" without a value is a problem at its path. */
    private static class CountingService implements DefinitionService {
        final List<Cancellation> seen = new ArrayList<>();
        int runs;

        @Override
        public RoaringBitmap members(Condition definition, Cancellation cancel) {
            seen.add(cancel);
            runs++;
            cancel.throwIfCancelled();
            RoaringBitmap bitmap = new RoaringBitmap();
            bitmap.add(0L, 10L * leaves(definition));
            return bitmap;
        }

        @Override
        public List<DefinitionProblem> validate(Condition definition) {
            List<DefinitionProblem> problems = new ArrayList<>();
            collect(definition, new ArrayList<>(), problems);
            return problems;
        }

        private void collect(Condition node, List<Integer> path, List<DefinitionProblem> out) {
            if (node instanceof GroupCondition g) {
                for (int i = 0; i < g.conditions().size(); i++) {
                    List<Integer> child = new ArrayList<>(path);
                    child.add(i);
                    collect(g.conditions().get(i), child, out);
                }
            } else if (node instanceof AttributeCondition a && a.op() == Operator.EQ && a.values().isEmpty()) {
                out.add(new DefinitionProblem(path, "Pick a value for " + a.field()));
            }
        }

        @Override
        public String viewSql(Condition definition) {
            return "SELECT ck FROM customers -- " + leaves(definition);
        }

        private static int leaves(Condition c) {
            if (c instanceof GroupCondition g) {
                return g.conditions().stream().mapToInt(CountingService::leaves).sum();
            }
            return c instanceof NotCondition n ? leaves(n.condition()) : 1;
        }
    }

    private static final class MemoryRepository implements SegmentRepository {
        final Map<String, Segment> saved = new TreeMap<>();

        @Override
        public List<String> names() {
            return List.copyOf(saved.keySet());
        }

        @Override
        public Optional<Segment> find(String name) {
            return Optional.ofNullable(saved.get(name));
        }

        @Override
        public void save(Segment segment, String previousName) {
            if (previousName != null) {
                saved.remove(previousName);
            }
            saved.put(segment.name(), segment);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final AtomicLong nanos = new AtomicLong();
    private final CountingService service = new CountingService();
    private final MemoryRepository repository = new MemoryRepository();
    private final LiveCount liveCount = new LiveCount(service, scheduler, BackgroundExecutor.of(background::add, Runnable::run), nanos::get);
    private final SegmentEditorViewModel vm = new SegmentEditorViewModel(repository, service, liveCount);

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    private void settle() {
        scheduler.advance(LiveCount.DEBOUNCE.toMillis());
        runBackground();
    }

    @Test
    void droppedFieldsGetACompleteDefaultCondition() {
        vm.addField(List.of(), CITY);
        vm.addField(List.of(), REVENUE);
        GroupCondition root = (GroupCondition) vm.definitionProperty().get();
        assertEquals(AttributeCondition.of("customers.city", Operator.IS_NOT_EMPTY), root.conditions().get(0));
        assertEquals(Operator.GT, ((AttributeCondition) root.conditions().get(1)).op());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void undoAndRedoWalkBackAndForthThroughEveryEdit() {
        vm.addGroup(List.of(), Junction.ANY);
        vm.addField(List.of(0), CITY);
        vm.negate(List.of(0, 0));
        Condition afterThree = vm.definitionProperty().get();
        assertEquals("Negate", vm.undoLabelProperty().get());

        vm.undo();
        vm.undo();
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(List.of()))), vm.definitionProperty().get());
        vm.redo();
        vm.redo();
        assertEquals(afterThree, vm.definitionProperty().get());
        assertFalse(vm.canRedoProperty().get());

        vm.undo();
        vm.delete(List.of(0));
        assertFalse(vm.canRedoProperty().get(), "a new edit drops the redo history");
    }

    @Test
    void undoingBackToTheSavedStateClearsDirty() {
        vm.addField(List.of(), CITY);
        vm.save();
        assertFalse(vm.dirtyProperty().get());
        vm.addField(List.of(), REVENUE);
        assertTrue(vm.dirtyProperty().get());
        vm.undo();
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void moveIntoANestedGroupIsOneUndoableEdit() {
        vm.addField(List.of(), CITY);
        vm.addGroup(List.of(), Junction.ANY);
        vm.move(List.of(0), List.of(1), 0);
        assertEquals(GroupCondition.all(List.of(GroupCondition.any(
                List.of(AttributeCondition.of("customers.city", Operator.IS_NOT_EMPTY))))),
                vm.definitionProperty().get());
        vm.undo();
        assertEquals(AttributeOperators.defaultCondition(CITY),
                DefinitionTree.get(vm.definitionProperty().get(), List.of(0)));
    }

    @Test
    void countWaitsForTheDebounceAfterTheLastEdit() {
        settle();
        assertEquals(0, liveCount.countProperty().get());
        vm.addField(List.of(), CITY);
        scheduler.advance(100);
        vm.addField(List.of(), REVENUE);
        scheduler.advance(LiveCount.DEBOUNCE.toMillis() - 1);
        runBackground();
        assertEquals(CountState.COUNTING, liveCount.stateProperty().get());
        assertEquals(1, service.runs, "only the initial count ran so far");

        scheduler.advance(1);
        runBackground();
        assertEquals(CountState.DONE, liveCount.stateProperty().get());
        assertEquals(20, liveCount.countProperty().get());
        assertEquals(2, service.runs, "the first edit never reached the engine");
    }

    @Test
    void aNewerEditCancelsTheRunItSupersedes() {
        settle();
        vm.addField(List.of(), CITY);
        scheduler.advance(LiveCount.DEBOUNCE.toMillis());
        assertEquals(1, background.size(), "the first count is queued on the background executor");
        vm.addField(List.of(), REVENUE);
        runBackground();
        assertEquals(CountState.COUNTING, liveCount.stateProperty().get(), "the stale run published nothing");
        settle();
        assertEquals(20, liveCount.countProperty().get());
        assertEquals(2, service.runs, "the cancelled run never reached the engine");
        assertFalse(service.seen.get(1).isCancelled());
    }

    @Test
    void timeOfTheCountIsMeasured() {
        LiveCount timed = new LiveCount(new CountingService() {
            @Override
            public RoaringBitmap members(Condition definition, Cancellation cancel) {
                nanos.addAndGet(42_000_000);
                return super.members(definition, cancel);
            }
        }, scheduler, new SameThreadExecutor(), nanos::get);
        timed.request(GroupCondition.all(List.of(AttributeOperators.defaultCondition(CITY))));
        scheduler.advance(LiveCount.DEBOUNCE.toMillis());
        assertEquals(42, timed.millisProperty().get());
        assertEquals(10, timed.countProperty().get());
    }

    @Test
    void invalidConditionsAreMarkedByPathAndClearedWhenFixed() {
        vm.addGroup(List.of(), Junction.ANY);
        vm.addCondition(List.of(0), 0, new AttributeCondition("customers.city", Operator.EQ, List.of(), null));
        settle();
        assertEquals(CountState.INVALID, liveCount.stateProperty().get());
        assertEquals(Map.of(List.of(0, 0), "Pick a value for customers.city"), Map.copyOf(liveCount.problems()));

        vm.replace(List.of(0, 0), AttributeCondition.of("customers.city", Operator.EQ, "Paris"));
        settle();
        assertEquals(CountState.DONE, liveCount.stateProperty().get());
        assertTrue(liveCount.problems().isEmpty());
    }

    @Test
    void engineFailureIsShownAsAnErrorState() {
        LiveCount failing = new LiveCount(new CountingService() {
            @Override
            public RoaringBitmap members(Condition definition, Cancellation cancel) {
                throw new IllegalStateException("Unknown segment Lapsed");
            }
        }, scheduler, new SameThreadExecutor(), nanos::get);
        failing.request(Condition.everyone());
        scheduler.advance(LiveCount.DEBOUNCE.toMillis());
        assertEquals(CountState.ERROR, failing.stateProperty().get());
        assertEquals("Unknown segment Lapsed", failing.messageProperty().get());
    }

    @Test
    void saveAsCopiesUnderANewNameAndRefusesATakenOne() {
        vm.setName("Big spenders");
        vm.addField(List.of(), REVENUE);
        vm.save();
        vm.saveAs("Big spenders copy");
        assertEquals(List.of("Big spenders", "Big spenders copy"), repository.names());
        assertEquals("Big spenders copy", vm.savedNameProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.saveAs("Big spenders"));
    }

    @Test
    void renamingASavedSegmentReplacesItInTheStore() {
        vm.setName("Paris");
        vm.save();
        vm.setName("Paris shoppers");
        vm.save();
        assertEquals(List.of("Paris shoppers"), repository.names());
    }

    @Test
    void unsavedChangesPromptDecidesWhetherTheEditorMayLeave() {
        vm.addField(List.of(), CITY);
        assertFalse(vm.confirmLeave(name -> UnsavedChangesPrompt.Choice.CANCEL));
        assertTrue(vm.confirmLeave(name -> UnsavedChangesPrompt.Choice.DISCARD));
        assertTrue(repository.names().isEmpty());
        assertTrue(vm.confirmLeave(name -> UnsavedChangesPrompt.Choice.SAVE));
        assertEquals(List.of("New segment"), repository.names());
        assertTrue(vm.newSegment(name -> {
            throw new AssertionError("nothing unsaved, no question");
        }));
        assertEquals("New segment 2", vm.name());
    }

    @Test
    void viewSqlShowsTheCurrentDefinition() {
        vm.addField(List.of(), CITY);
        assertEquals("SELECT ck FROM customers -- 1", vm.viewSql());
    }

    @Test
    void keyboardCommandsAddToTheSelectedGroupAndMoveTheSelectionAlong() {
        vm.addToSelectedGroup(AttributeOperators.defaultCondition(CITY));
        assertEquals(List.of(0), vm.selectionProperty().get());
        vm.addGroupToSelectedGroup();
        assertEquals(List.of(1), vm.selectionProperty().get());
        vm.addToSelectedGroup(AttributeOperators.defaultCondition(CITY));
        assertEquals(List.of(1, 0), vm.selectionProperty().get(), "into the selected (new) group");
        assertTrue(vm.moveSelected(-1));
        assertEquals(List.of(1), vm.selectionProperty().get(), "out of the group, before it");
        assertTrue(vm.moveSelectedIntoGroup());
        assertEquals(List.of(1, 0), vm.selectionProperty().get(), "into the group below");
        assertTrue(vm.moveSelectedOutOfGroup());
        assertEquals(List.of(2), vm.selectionProperty().get());
        assertFalse(vm.moveSelected(1), "the last child of the root cannot go further");
        vm.select(List.of(1));
        vm.deleteSelected();
        assertEquals(2, ((GroupCondition) vm.definitionProperty().get()).conditions().size());
        vm.select(List.of(1));
        while (vm.canUndoProperty().get()) {
            vm.undo();
        }
        assertEquals(List.of(), vm.selectionProperty().get(), "a selection the undone tree lacks goes to the root");
    }
}
