package org.segmint.app.editor;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.validation.DefinitionProblem;
import org.segmint.persistence.engine.SegmentEngine;

/** What the editor asks of the segment engine, with the workspace's as-of date already applied. */
public interface DefinitionService {

    /** The members of {@code definition}; throws {@code CancelledException} when cancelled. */
    RoaringBitmap members(Condition definition, Cancellation cancel);

    /** Problems of the definition by path; empty when it can be counted. */
    List<DefinitionProblem> validate(Condition definition);

    /** The readable SQL of the definition (values inlined). */
    String viewSql(Condition definition);

    /**
     * The problems of the definition, or its members when it has none. The engine does both on one snapshot with
     * one validation; this default, for services without an engine, asks {@link #validate} then {@link #members}.
     */
    default SegmentEngine.Evaluated evaluate(Condition definition, Cancellation cancel) {
        List<DefinitionProblem> problems = validate(definition);
        return problems.isEmpty() ? new SegmentEngine.Evaluated(List.of(), members(definition, cancel))
                : new SegmentEngine.Evaluated(problems, null);
    }

    /** The service backed by the workspace's one engine. */
    static DefinitionService of(SegmentEngine engine, Supplier<LocalDate> asOf) {
        return new DefinitionService() {
            @Override
            public RoaringBitmap members(Condition definition, Cancellation cancel) {
                return engine.members(definition, asOf.get(), cancel);
            }

            @Override
            public List<DefinitionProblem> validate(Condition definition) {
                return engine.validate(definition);
            }

            @Override
            public String viewSql(Condition definition) {
                return engine.viewSql(definition, asOf.get());
            }

            @Override
            public SegmentEngine.Evaluated evaluate(Condition definition, Cancellation cancel) {
                return engine.evaluate(definition, asOf.get(), cancel);
            }
        };
    }
}
