package org.segmint.app.editor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.segmint.model.catalog.Field;
import org.segmint.model.insight.BreakdownChoice;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Junction;
import org.segmint.model.segment.NotCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.persistence.json.BreakdownChoiceJson;

/**
 * The segment being edited: its definition tree, name, description, folder and status, with undoable
 * edits, saving, and the live count. Toolkit-free: the view turns clicks and drops into these commands
 * (a drop becomes {@link #move}), and listens to the properties.
 */
public final class SegmentEditorViewModel {
    private static final int UNDO_LIMIT = 200;

    private final SegmentRepository repository;
    private final LiveCount liveCount;
    private final DefinitionService service;

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private Map<String, String> extra = Map.of();
    private Map<String, String> savedExtra = Map.of(); // the extra fields last loaded or saved
    private EditorState saved; // the state last loaded or saved: dirty means different from it

    // Properties //
    private final ObjectProperty<EditorState> state = new SimpleObjectProperty<>(this, "state");
    private final ObjectProperty<Condition> definition = new SimpleObjectProperty<>(this, "definition");
    private final StringProperty savedName = new SimpleStringProperty(this, "savedName");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final StringProperty undoLabel = new SimpleStringProperty(this, "undoLabel", "");
    private final StringProperty redoLabel = new SimpleStringProperty(this, "redoLabel", "");
    private final ObjectProperty<List<Integer>> selection = new SimpleObjectProperty<>(this, "selection", List.of());

    /** One undoable step: what it was called and the state before it. */
    private record Edit(String label, EditorState before, EditorState after) {
    }

    public SegmentEditorViewModel(SegmentRepository repository, DefinitionService service, LiveCount liveCount) {
        this.repository = repository;
        this.service = service;
        this.liveCount = liveCount;
        load(Segment.of("New segment", Condition.everyone()), null);
    }

    // Commands: loading and saving //

    /** Shows {@code segment}; {@code storedName} is its name in the store, or null for a new segment. */
    public void load(Segment segment, String storedName) {
        EditorState loaded = EditorState.of(segment);
        extra = segment.extra();
        savedExtra = extra;
        undo.clear();
        redo.clear();
        // A new segment counts as changed once it differs from how it started.
        saved = loaded;
        savedName.set(storedName);
        show(loaded);
    }

    /** Opens the saved segment {@code name}, asking first about unsaved changes; false if it stayed. */
    public boolean open(String name, UnsavedChangesPrompt prompt) {
        if (!confirmLeave(prompt)) {
            return false;
        }
        Segment segment = repository.find(name)
                .orElseThrow(() -> new IllegalArgumentException("No saved segment named " + name));
        load(segment, name);
        return true;
    }

    /** Starts a new, empty segment, asking first about unsaved changes. */
    public boolean newSegment(UnsavedChangesPrompt prompt) {
        if (!confirmLeave(prompt)) {
            return false;
        }
        load(Segment.of(uniqueName("New segment"), Condition.everyone()), null);
        return true;
    }

    /** Saves under the current name (renaming the stored segment if the name was edited). */
    public void save() {
        EditorState current = state.get();
        repository.save(toSegment(current), savedName.get());
        saved = current;
        savedExtra = extra;
        savedName.set(current.name());
        updateFlags();
    }

    /** Saves a copy under {@code newName}; the editor then edits the copy. Refuses a name in use. */
    public void saveAs(String newName) {
        String name = newName == null ? "" : newName.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A segment needs a name");
        }
        if (repository.find(name).isPresent()) {
            throw new IllegalArgumentException("A segment named \"" + name + "\" already exists");
        }
        EditorState copy = new EditorState(name, state.get().description(), state.get().folder(),
                state.get().status(), state.get().definition());
        repository.save(toSegment(copy), null);
        saved = copy;
        savedExtra = extra;
        savedName.set(name);
        show(copy);
    }

    /** Whether the editor may be left: no unsaved changes, or the user saved or discarded them. */
    public boolean confirmLeave(UnsavedChangesPrompt prompt) {
        if (!dirty.get()) {
            return true;
        }
        UnsavedChangesPrompt.Choice choice = prompt.ask(state.get().name());
        if (choice == UnsavedChangesPrompt.Choice.SAVE) {
            save();
            return true;
        }
        return choice == UnsavedChangesPrompt.Choice.DISCARD;
    }

    /** The segment as it would be saved now. */
    public Segment currentSegment() {
        return toSegment(state.get());
    }

    /** The SQL that selects the members of the current definition. */
    public String viewSql() {
        return service.viewSql(definition.get());
    }

    // Commands: edits //

    public void setName(String name) {
        EditorState s = state.get();
        if (!Objects.equals(s.name(), name)) {
            apply("Rename", new EditorState(name, s.description(), s.folder(), s.status(), s.definition()));
        }
    }

    public void setDescription(String description) {
        EditorState s = state.get();
        if (!Objects.equals(s.description(), description)) {
            apply("Edit description", new EditorState(s.name(), description, s.folder(), s.status(), s.definition()));
        }
    }

    public void setFolder(String folder) {
        EditorState s = state.get();
        if (!Objects.equals(s.folder(), folder)) {
            apply("Change folder", new EditorState(s.name(), s.description(), folder, s.status(), s.definition()));
        }
    }

    public void setStatus(SegmentStatus status) {
        EditorState s = state.get();
        if (s.status() != status) {
            apply("Change status", new EditorState(s.name(), s.description(), s.folder(), status, s.definition()));
        }
    }

    /** Adds the default condition for {@code field} at the end of the group at {@code groupPath}. */
    public void addField(List<Integer> groupPath, Field field) {
        addCondition(groupPath, Integer.MAX_VALUE, AttributeOperators.defaultCondition(field));
    }

    /** Inserts {@code condition} into the group at {@code groupPath} before child {@code index}. */
    public void addCondition(List<Integer> groupPath, int index, Condition condition) {
        editDefinition("Add condition", DefinitionTree.insert(definition.get(), groupPath, index, condition));
    }

    /** Adds an empty group to the group at {@code groupPath}, and selects it. */
    public void addGroup(List<Integer> groupPath, Junction junction) {
        int at = DefinitionTree.group(definition.get(), groupPath).conditions().size();
        editDefinition("Add group", DefinitionTree.insert(definition.get(), groupPath, Integer.MAX_VALUE,
                new GroupCondition(junction, List.of())));
        selection.set(DefinitionTree.childPath(groupPath, at));
    }

    // Commands: the keyboard's way to do what drags do //

    /** The group new conditions go into: the selected group, or the group of the selected condition. */
    public List<Integer> targetGroup() {
        return DefinitionTree.targetGroup(definition.get(), selection.get());
    }

    /** Adds {@code condition} at the end of the {@link #targetGroup()} and selects it (double click, Enter). */
    public void addToSelectedGroup(Condition condition) {
        List<Integer> group = targetGroup();
        int at = DefinitionTree.group(definition.get(), group).conditions().size();
        addCondition(group, Integer.MAX_VALUE, condition);
        selection.set(DefinitionTree.childPath(group, at));
    }

    /** Adds a nested group to the {@link #targetGroup()}: ANY inside ALL, ALL inside ANY. */
    public void addGroupToSelectedGroup() {
        List<Integer> group = targetGroup();
        Junction outer = DefinitionTree.group(definition.get(), group).junction();
        addGroup(group, outer == Junction.ALL ? Junction.ANY : Junction.ALL);
    }

    /** Moves the selected node one place up (-1) or down (+1); at the edge of its group, out of it. */
    public boolean moveSelected(int delta) {
        return apply(DefinitionTree.step(definition.get(), selection.get(), delta));
    }

    /** Moves the selected node into the group above it (or below it). */
    public boolean moveSelectedIntoGroup() {
        return apply(DefinitionTree.into(definition.get(), selection.get()));
    }

    /** Moves the selected node out of its group, to just after it. */
    public boolean moveSelectedOutOfGroup() {
        return apply(DefinitionTree.out(definition.get(), selection.get(), true));
    }

    /** Deletes the selected node (not the root) and selects its group. */
    public void deleteSelected() {
        List<Integer> path = selection.get();
        if (path.isEmpty() || !DefinitionTree.exists(definition.get(), path)) {
            return;
        }
        delete(path);
        selection.set(DefinitionTree.targetGroup(definition.get(), DefinitionTree.parent(path)));
    }

    private boolean apply(DefinitionTree.Move m) {
        if (m == null) {
            return false;
        }
        move(m.from(), m.toGroup(), m.index());
        selection.set(m.result());
        return true;
    }

    /** Selects the node at {@code path} (the view follows focus); a stale path selects the root. */
    public void select(List<Integer> path) {
        selection.set(path != null && DefinitionTree.exists(definition.get(), path) ? List.copyOf(path) : List.of());
    }

    /** Wraps the node in a negation, or removes the negation it already has. */
    public void negate(List<Integer> path) {
        Condition node = DefinitionTree.get(definition.get(), path);
        Condition negated = node instanceof NotCondition n ? n.condition() : new NotCondition(node);
        editDefinition("Negate", DefinitionTree.replace(definition.get(), path, negated));
    }

    public void delete(List<Integer> path) {
        editDefinition("Delete condition", DefinitionTree.remove(definition.get(), path));
    }

    /** Moves a node into a group (a drop in the view); indexes refer to the tree before the move. */
    public void move(List<Integer> from, List<Integer> toGroup, int index) {
        Condition moved = DefinitionTree.move(definition.get(), from, toGroup, index);
        if (!moved.equals(definition.get())) {
            editDefinition("Move condition", moved);
        }
    }

    /** Switches a group between ALL and ANY. */
    public void setJunction(List<Integer> groupPath, Junction junction) {
        GroupCondition group = DefinitionTree.group(definition.get(), groupPath);
        if (group.junction() != junction) {
            editDefinition("Change ALL/ANY", DefinitionTree.replace(definition.get(), groupPath,
                    new GroupCondition(junction, group.conditions())));
        }
    }

    /** Replaces the condition at {@code path} (an operator, value, window... changed in its editor). */
    public void replace(List<Integer> path, Condition condition) {
        if (!DefinitionTree.get(definition.get(), path).equals(condition)) {
            editDefinition("Edit condition", DefinitionTree.replace(definition.get(), path, condition));
        }
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Edit edit = undo.pop();
        redo.push(edit);
        show(edit.before());
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Edit edit = redo.pop();
        undo.push(edit);
        show(edit.after());
    }

    private void editDefinition(String label, Condition newDefinition) {
        apply(label, state.get().withDefinition(newDefinition));
    }

    private void apply(String label, EditorState next) {
        undo.push(new Edit(label, state.get(), next));
        while (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        show(next);
    }

    private void show(EditorState next) {
        boolean definitionChanged = state.get() == null || !state.get().definition().equals(next.definition());
        state.set(next);
        if (!DefinitionTree.exists(next.definition(), selection.get())) {
            selection.set(List.of());
        }
        definition.set(next.definition());
        updateFlags();
        if (definitionChanged) {
            liveCount.request(next.definition());
        }
    }

    private void updateFlags() {
        dirty.set(!saved.equals(state.get()) || !savedExtra.equals(extra));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoLabel.set(undo.isEmpty() ? "" : undo.peek().label());
        redoLabel.set(redo.isEmpty() ? "" : redo.peek().label());
    }

    /** The Breakdown tab's choice kept with the segment. */
    public BreakdownChoice breakdownChoice() {
        return BreakdownChoiceJson.of(toSegment(state.get()));
    }

    /** Keeps a new Breakdown choice with the segment (saved with it; the segment shows as changed). */
    public void setBreakdownChoice(BreakdownChoice choice) {
        Map<String, String> next = BreakdownChoiceJson.with(extra, choice);
        if (!next.equals(extra)) {
            extra = Map.copyOf(next);
            updateFlags();
        }
    }

    /** The segment as it stands in the editor (saved or not). */
    public Segment current() {
        return toSegment(state.get());
    }

    private Segment toSegment(EditorState s) {
        return new Segment(s.name(), s.description(), s.folder(), s.status(), s.definition(), extra);
    }

    private String uniqueName(String base) {
        List<String> names = repository.names();
        String name = base;
        for (int i = 2; names.contains(name); i++) {
            name = base + " " + i;
        }
        return name;
    }

    // Properties //

    public ReadOnlyObjectProperty<Condition> definitionProperty() {
        return definition;
    }

    /** The selected node's path ({@code []} = the root group): where keyboard commands act. */
    public ReadOnlyObjectProperty<List<Integer>> selectionProperty() {
        return selection;
    }

    public String name() {
        return state.get().name();
    }

    public String description() {
        return state.get().description();
    }

    public String folder() {
        return state.get().folder();
    }

    public SegmentStatus status() {
        return state.get().status();
    }

    /** Changes of any editable part (name, description, folder, status, definition). */
    public ReadOnlyObjectProperty<?> editsProperty() {
        return state;
    }

    /** The name the segment is stored under, or null while it was never saved. */
    public ReadOnlyStringProperty savedNameProperty() {
        return savedName;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel;
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel;
    }

    public LiveCount liveCount() {
        return liveCount;
    }
}
