package org.segmint.app.editor;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.segmint.model.catalog.Catalog;

/** What the condition editors of the view share: the catalog, pick-list values and the background executor. */
record EditorContext(Catalog catalog, EditorChoices choices, Executor background) {

    /** Loads a pick list off the FX thread and hands it to {@code onLoaded} on the FX thread. */
    void load(Supplier<List<String>> work, Consumer<List<String>> onLoaded) {
        background.execute(() -> {
            List<String> values;
            try {
                values = work.get();
            } catch (RuntimeException e) {
                // A pick list that cannot load stays empty; the user can still type a value.
                values = List.of();
            }
            List<String> result = values;
            Platform.runLater(() -> onLoaded.accept(result));
        });
    }

    String label(String fieldId) {
        return catalog.field(fieldId).map(f -> f.label()).orElse(fieldId);
    }
}
