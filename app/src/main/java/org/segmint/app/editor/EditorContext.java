package org.segmint.app.editor;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.segmint.app.task.BackgroundExecutor;
import org.segmint.app.task.Tasks;
import org.segmint.model.catalog.Catalog;

/**
 * What the condition editors of the view share: the catalog, pick-list values, the background executor, and the way
 * to upload a list (set by the page; none in a bare editor).
 */
record EditorContext(Catalog catalog, EditorChoices choices, BackgroundExecutor executor,
                     java.util.concurrent.atomic.AtomicReference<ListUploader> lists) {

    EditorContext(Catalog catalog, EditorChoices choices, BackgroundExecutor executor) {
        this(catalog, choices, executor, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** Loads a pick list off the FX thread and hands it to {@code onLoaded} on the FX thread. */
    void load(Supplier<List<String>> work, Consumer<List<String>> onLoaded) {
        // A pick list that cannot load stays empty; the user can still type a value.
        Tasks.create(ctx -> work.get()).onSuccess(onLoaded).onError(e -> onLoaded.accept(List.of()))
                .runOnce(executor);
    }

    String label(String fieldId) {
        return catalog.field(fieldId).map(f -> f.label()).orElse(fieldId);
    }
}
