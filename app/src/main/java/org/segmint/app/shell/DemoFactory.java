package org.segmint.app.shell;

import java.nio.file.Path;
import org.segmint.app.task.TaskContext;

/** Creates the demo workspace at a path (background thread), reporting progress through the context. */
@FunctionalInterface
public interface DemoFactory {
    WorkspaceSession create(Path file, TaskContext context) throws Exception;
}
