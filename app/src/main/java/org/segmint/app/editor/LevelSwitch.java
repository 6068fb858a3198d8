package org.segmint.app.editor;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.LatestTask;
import org.segmint.app.task.Tasks;
import org.segmint.model.hierarchy.HierarchyLevel;

/**
 * Beside the live count: which level to count (customers, or a level of the workspace's hierarchy) and the
 * members' count at that level ("in 1,204 households"), computed in the background after each count.
 */
final class LevelSwitch extends HBox {
    private final ChoiceBox<HierarchyLevel> level = new ChoiceBox<>();
    private final Label count = new Label();
    private final BackgroundExecutor executor;
    private final BiFunction<RoaringBitmap, HierarchyLevel, Long> counter;
    private final LatestTask counting = new LatestTask();
    private final Supplier<List<HierarchyLevel>> levels;
    private RoaringBitmap members;

    /**
     * @param levels  the workspace's levels, customers first (read in the background)
     * @param counter the members' count at a level
     */
    LevelSwitch(Supplier<List<HierarchyLevel>> levels, BiFunction<RoaringBitmap, HierarchyLevel, Long> counter,
                BackgroundExecutor executor) {
        super(6);
        this.executor = executor;
        this.counter = counter;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("sg-level-switch");
        level.setId("level-switch");
        level.setTooltip(new Tooltip("Count customers, or the households / accounts they belong to"));
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(HierarchyLevel l) {
                return l == null ? "" : l.name();
            }

            @Override
            public HierarchyLevel fromString(String s) {
                return null;
            }
        });
        count.setId("level-count");
        count.getStyleClass().add("sg-level-count");
        level.valueProperty().addListener((o, old, l) -> recount());
        getChildren().addAll(new Label("Level"), level, count);
        level.setItems(FXCollections.observableArrayList(HierarchyLevel.CUSTOMER));
        level.setValue(HierarchyLevel.CUSTOMER);
        this.levels = levels;
        reloadLevels();
        // The hierarchy may change on the Data page meanwhile.
        level.setOnShowing(e -> reloadLevels());
    }

    private void reloadLevels() {
        Tasks.create(ctx -> levels.get()).onSuccess(ls -> {
            if (!ls.equals(level.getItems())) {
                HierarchyLevel shown = level.getValue();
                level.getItems().setAll(ls);
                level.setValue(ls.contains(shown) ? shown : HierarchyLevel.CUSTOMER);
            }
        }).runOnce(executor);
    }

    /** New members after a count. */
    void update(RoaringBitmap newMembers) {
        members = newMembers;
        recount();
    }

    /** The level shown, for tests. */
    ChoiceBox<HierarchyLevel> choice() {
        return level;
    }

    private void recount() {
        HierarchyLevel l = level.getValue();
        RoaringBitmap m = members;
        if (l == null || l.isCustomer() || m == null) {
            counting.cancel();
            count.setText("");
            return;
        }
        count.setText("counting…");
        counting.run(Tasks.create(ctx -> counter.apply(m, l)).onSuccess(n -> count.setText(
                java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(n) + " " + l.name()))
                .onError(e -> count.setText("cannot count " + l.name() + ": " + e.getMessage())), executor);
    }
}
