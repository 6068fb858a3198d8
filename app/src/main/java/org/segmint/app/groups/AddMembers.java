package org.segmint.app.groups;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.segmint.app.shell.DialogService;

/**
 * Adding to or removing from the chosen static group by hand: everyone who matches a saved segment, or the customer
 * ids or emails of a CSV file; the outcome says how many were added or removed and how many values were unknown.
 */
final class AddMembers {
    static final String FROM_SEGMENT = "Everyone who matches a saved segment";
    static final String FROM_FILE = "Customer ids or emails from a CSV file";

    private AddMembers() {
    }

    static void show(GroupsViewModel vm, DialogService dialogs, boolean add) {
        GroupRow group = vm.selectedProperty().get();
        if (group == null) {
            return;
        }
        if (group.smart()) {
            dialogs.showInfo("A smart group", "The members of '" + group.name() + "' come from its definition; add to"
                    + " or remove from a static group.");
            return;
        }
        String verb = add ? "Add to" : "Remove from";
        dialogs.choose(verb + " '" + group.name() + "'", "Which customers", List.of(FROM_SEGMENT, FROM_FILE),
                FROM_SEGMENT).ifPresent(source -> {
                    if (source.equals(FROM_SEGMENT)) {
                        List<String> segments = vm.service().segmentNames();
                        if (segments.isEmpty()) {
                            dialogs.showInfo("No saved segments", "Save a segment first.");
                            return;
                        }
                        dialogs.choose(verb + " '" + group.name() + "'", "The saved segment", segments,
                                segments.get(0)).ifPresent(segment -> vm.editMembers(group.name(), add, segment, null));
                    } else {
                        dialogs.chooseFileToOpen("CSV of customer ids or emails", "CSV files",
                                new ArrayList<>(List.of("*.csv", "*.txt"))).ifPresent((Path file) ->
                                vm.editMembers(group.name(), add, null, file));
                    }
                });
    }
}
