package org.segmint.app.groups;

import java.util.function.Consumer;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.MainViewModel;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.ProgressListener;
import org.segmint.app.task.TaskHandle;
import org.segmint.app.task.Tasks;

/**
 * Recalculates the due smart groups of a workspace that was just opened: in the background, reporting progress,
 * never blocking the window. The outcome goes to {@code done} as one sentence (nothing when no group was due).
 */
public final class DueGroups {
    private DueGroups() {
    }

    /**
     * From now on, every workspace that opens in {@code context} has its due smart groups recalculated, with the
     * work shown in the status bar of {@code model} and its outcome left there as a note.
     */
    public static void onEveryOpen(AppContext context, MainViewModel model) {
        context.sessionProperty().addListener((o, old, session) -> {
            if (session != null) {
                model.backgroundStarted("Recalculating due groups");
                start(context, session, model::backgroundProgress, model::backgroundFinished);
            }
        });
    }

    public static TaskHandle start(AppContext context, WorkspaceSession session, ProgressListener progress,
                                   Consumer<String> done) {
        GroupService service = new WorkspaceGroups(session);
        return Tasks.create(ctx -> service.recalculate(null, ctx.cancellation(), ctx.progress()))
                .onProgress(progress)
                .onSuccess(outcomes -> {
                    if (!outcomes.isEmpty()) {
                        done.accept("Recalculated due groups: " + GroupsViewModel.describe(outcomes));
                        context.notifySegmentsChanged();
                    } else {
                        done.accept("");
                    }
                })
                .onError(e -> done.accept("Due groups were not recalculated: " + UserMessages.message(e)))
                .runOnce(context.executor());
    }
}
