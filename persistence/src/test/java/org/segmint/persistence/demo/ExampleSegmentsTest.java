package org.segmint.persistence.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SavedSegment;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

class ExampleSegmentsTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleIsValidOnDemoDataAndSelectsSomeButNotAllCustomers() {
        Path file = dir.resolve("demo.segmint");
        DemoGenerator.generate(file, DemoConfig.of(3_000, 5), Progress.NONE, Cancellation.none());
        try (Workspace ws = Workspace.open(file)) {
            ExampleSegments.addTo(ws);
            SegmentStore store = new SegmentStore(ws);
            List<SavedSegment> saved = store.list();
            assertEquals(8, saved.size());
            assertEquals(3, saved.stream().filter(SavedSegment::pinned).count());
            try (SegmentEngine engine = new SegmentEngine(ws, store::definition)) {
                int everyone = engine.allCustomers().getCardinality();
                for (SavedSegment s : saved) {
                    assertTrue(engine.validate(s.segment().definition()).isEmpty(),
                            s.name() + ": " + engine.validate(s.segment().definition()));
                    RoaringBitmap members = engine.members(s.segment().definition(), ws.asOf(), Cancellation.none());
                    int n = members.getCardinality();
                    assertTrue(n > 0 && n < everyone, s.name() + " selects " + n + " of " + everyone);
                }
            }
            assertEquals(4, new ModelStore(ws).get("Holiday campaign").entries().size());
        }
    }
}
