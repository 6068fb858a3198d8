package org.segmint.app.segments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.segmint.app.shell.AppContext;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.store.SegmentStore;

/**
 * Import and export of segment files (one segment or a bundle, JSON) from the Segments page. An imported
 * segment whose name is taken gets a number ("Lapsed VIPs (2)") rather than replacing the saved one.
 */
final class SegmentFileActions {
    private static final List<String> EXTENSIONS = List.of("*.json", "*.segment.json");

    /** Runs a store change in the background, then a UI callback (see {@link SegmentsViewModel}). */
    interface Mutator {
        <T> void mutate(String errorTitle, Function<SegmentStore, T> change, Consumer<T> after);
    }

    private final AppContext context;
    private final Mutator mutator;

    SegmentFileActions(AppContext context, Mutator mutator) {
        this.context = context;
        this.mutator = mutator;
    }

    void importFiles(List<String> existing) {
        context.dialogs().chooseFileToOpen("Import segments", "Segment files", EXTENSIONS)
                .ifPresent(file -> importFile(file, existing));
    }

    void importFile(Path file, List<String> existing) {
        mutator.mutate("Cannot import " + file.getFileName(), store -> {
            List<Segment> segments = SegmentFiles.readAny(file);
            Set<String> taken = new HashSet<>(existing);
            for (var s : store.list()) {
                taken.add(s.name());
            }
            List<String> imported = new ArrayList<>();
            for (Segment s : segments) {
                String name = s.name();
                for (int n = 2; taken.contains(name); n++) {
                    name = s.name() + " (" + n + ")";
                }
                taken.add(name);
                store.save(s.withName(name));
                imported.add(name);
            }
            return imported;
        }, imported -> context.dialogs().showInfo("Segments imported", imported.size() == 1
                ? "Imported the segment '" + imported.get(0) + "'."
                : "Imported " + imported.size() + " segments: " + String.join(", ", imported) + "."));
    }

    void export(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        String initial = names.size() == 1 ? safeFileName(names.get(0)) + ".json" : "segments.json";
        context.dialogs().chooseFileToSave("Export segments", initial, "Segment files", EXTENSIONS)
                .ifPresent(file -> mutator.mutate("Cannot export to " + file.getFileName(), store -> {
                    List<Segment> segments = new ArrayList<>();
                    for (String n : names) {
                        segments.add(store.get(n).segment());
                    }
                    if (segments.size() == 1) {
                        SegmentFiles.write(segments.get(0), file);
                    } else {
                        SegmentFiles.writeBundle(segments, file);
                    }
                    return segments.size();
                }, count -> { }));
    }

    static String safeFileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._ -]+", "_").trim();
        return s.isEmpty() ? "segment" : s;
    }
}
