package org.segmint.persistence.group;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.Workspace;

/** Run in a child JVM by {@link GroupKillTest}: one batch operation or one recalculation, announced on stdout. */
public final class GroupWorkChild {
    private GroupWorkChild() {
    }

    public static void main(String[] args) {
        try (Workspace ws = Workspace.open(Path.of(args[0]));
             SegmentEngine engine = new SegmentEngine(ws, name -> Optional.empty())) {
            GroupStore groups = new GroupStore(ws);
            System.out.println("STARTED");
            System.out.flush();
            if (args[1].equals("batch")) {
                new BatchOperations(groups).apply("All", BatchOperation.attribute("tier", "platinum"));
            } else {
                new Recalculation(groups, engine).run(List.of("Gold"), LocalDate.parse("2025-06-30"),
                        Cancellation.none(), Progress.NONE);
            }
            System.out.println("COMMITTED");
            System.out.flush();
        }
    }
}
