package org.segmint.app.editor;

import java.util.List;
import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.Scheduler;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.workspace.Workspace;

/**
 * A definition editor on its own, for a segment that is not saved as one (an inline segment of a priority model):
 * the palette, the live count and the condition tree, with the same drags, keys and undo as the segment editor,
 * but no name, folder, status or save. {@link #definition()} is what was built.
 */
public final class DefinitionEditorPane extends BorderPane {
    private final SegmentEditorViewModel vm;
    private final LiveCount count;
    private final ScrollPane scroll = new ScrollPane();
    private final DefinitionView definitionView;
    private final EditorKeys keys;

    /** An editor over the open workspace, starting from {@code initial} (everyone when null). */
    public DefinitionEditorPane(AppContext context, Condition initial) {
        WorkspaceSession session = context.requireSession();
        WorkspaceEditorServices services = new WorkspaceEditorServices(session);
        count = new LiveCount(services, Scheduler.daemon(), context.executor(), System::nanoTime);
        SegmentRepository nowhere = new SegmentRepository() {
            @Override
            public List<String> names() {
                return services.names();
            }

            @Override
            public Optional<Segment> find(String name) {
                return Optional.empty();
            }

            @Override
            public void save(Segment segment, String previousName) {
                throw new IllegalStateException("an inline segment is saved with its model");
            }
        };
        vm = new SegmentEditorViewModel(nowhere, services, count);
        vm.load(Segment.of("Inline segment", initial == null ? Condition.everyone() : initial), null);
        Catalog catalog = session.read(Workspace::catalog);
        AttributePaletteViewModel palette = new AttributePaletteViewModel(catalog, services::eventTypes);
        EditorContext editorContext = new EditorContext(catalog, services, context.executor());
        keys = new EditorKeys(vm, scroll);
        definitionView = new DefinitionView(vm, palette, editorContext, group -> ConditionPicker.ask(
                getScene() == null ? null : getScene().getWindow(), palette, group.isEmpty() ? "the top group"
                        : "group " + ConditionNames.position(group)).flatMap(palette::conditionFor).ifPresent(c -> {
                            vm.select(group);
                            vm.addToSelectedGroup(c);
                            keys.focusSelected();
                        }));
        PaletteView paletteView = new PaletteView(palette, key -> palette.conditionFor(key)
                .ifPresent(vm::addToSelectedGroup));
        paletteView.setPrefWidth(230);
        setLeft(paletteView);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sg-definition-scroll");
        VBox center = new VBox(10, new CountHeader(count), scroll);
        center.setPadding(new Insets(0, 0, 0, 12));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCenter(center);
        getStyleClass().add("sg-editor");
        vm.definitionProperty().addListener((o, a, d) -> redraw());
        count.problems().addListener((MapChangeListener<List<Integer>, String>) c -> redraw());
        redraw();
        keys.install(this, () -> definitionView.addCondition(vm.targetGroup()), paletteView::focusSearch, () -> { });
    }

    private void redraw() {
        Optional<EditorKeys.Memory> focus = keys == null ? Optional.empty() : keys.remember();
        scroll.setContent(definitionView.render(vm.definitionProperty().get(), count.problems()));
        if (keys != null) {
            keys.restore(focus);
        }
    }

    /** The definition as built now. */
    public Condition definition() {
        return vm.definitionProperty().get();
    }

    /** Whether the definition has problems that the live count found (unknown values, missing ones). */
    public boolean hasProblems() {
        return !count.problems().isEmpty();
    }

    /** Stops the live count; call when the window closes. */
    public void dispose() {
        count.stop();
    }
}
