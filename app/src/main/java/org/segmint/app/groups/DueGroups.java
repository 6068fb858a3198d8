package org.segmint.app.groups;

import java.util.function.Consumer;
import org.segmint.app.shell.AppContext;
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
