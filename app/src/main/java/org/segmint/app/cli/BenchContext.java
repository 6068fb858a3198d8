package org.segmint.app.cli;

import java.time.LocalDate;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.workspace.Workspace;

/** What benchmark cases work with: the workspace, one engine, the as-of date and values picked from the data. */
public record BenchContext(Workspace workspace, SegmentEngine engine, LocalDate asOf, BenchSamples samples) {
}
