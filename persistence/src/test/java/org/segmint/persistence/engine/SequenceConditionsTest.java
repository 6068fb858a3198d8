package org.segmint.persistence.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.SequenceCondition.Step;
import org.segmint.model.segment.SequenceCondition.Within;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/** Sequences: order, distinct events, ties, within (calendar months), without, window on the first step. */
class SequenceConditionsTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
        f.column("events", "page", FieldType.TEXT);
        f.customers(7);
        f.event(1, "view", "2025-06-01T00:00:00");
        f.event(1, "buy", "2025-06-02T00:00:00");
        f.event(1, "view", "2025-06-30T10:00:00");
        f.event(2, "view", "2025-05-31T23:59:59");
        f.event(2, "buy", "2025-05-01T00:00:00");
        f.event(3, "a", "2025-01-01T10:00:00");
        f.event(3, "b", "2025-01-01T10:00:00");
        f.event(3, "c", "2025-01-01T10:00:00");
        f.event(3, "c", "2025-01-01T10:00:00");
        f.event(4, "view", "2025-01-01T00:00:00");
        f.event(4, "cancel", "2025-01-02T00:00:00");
        f.event(4, "buy", "2025-01-03T00:00:00");
        f.event(5, "view", "2025-01-01T00:00:00");
        f.event(5, "cancel", "2025-01-01T00:00:00");
        f.event(5, "buy", "2025-01-03T00:00:00");
        f.event(5, "cancel", "2025-01-03T00:00:00");
        f.event(6, "trial", "2025-01-31T12:00:00");
        f.event(6, "pay", "2025-02-28T12:00:00");
        f.event(7, "trial", "2025-01-31T12:00:00");
        f.event(7, "pay", "2025-03-01T00:00:00");
        f.exec("UPDATE events SET page = 'home' WHERE ck = 1 AND event_type = 'view' AND event_time = ?",
                EngineFixture.seconds("2025-06-30T10:00:00"));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static SequenceCondition seq(Within within, String without, Window window, String... types) {
        return new SequenceCondition(Arrays.stream(types).map(Step::of).toList(), within, without, window);
    }

    @Test
    void stepsFollowInOrderWithNonDecreasingTimes() {
        f.check(seq(null, null, null, "view", "buy"), "c1", "c4", "c5");
        f.check(seq(null, null, null, "buy", "view"), "c1", "c2");
        f.check(seq(null, null, null, "view"), "c1", "c2", "c4", "c5");
        f.check(seq(null, null, null, "a", "b", "c"), "c3");
        f.check(seq(null, null, null, "c", "b", "a"), "c3");
    }

    @Test
    void stepsAreDistinctEventsAndTiesCount() {
        f.check(seq(null, null, null, "view", "view"), "c1");
        f.check(seq(null, null, null, "c", "c"), "c3");
        f.check(seq(null, null, null, "c", "c", "c"));
        f.check(seq(null, null, null, "c", "a", "c"), "c3");
    }

    @Test
    void withinLimitsTheLastStepInclusivelyAndMonthsClampAtMonthEnds() {
        f.check(seq(new Within(1, TimeUnit.DAYS), null, null, "view", "buy"), "c1");
        f.check(seq(new Within(2, TimeUnit.DAYS), null, null, "view", "buy"), "c1", "c4", "c5");
        f.check(seq(new Within(0, TimeUnit.DAYS), null, null, "a", "b"), "c3");
        // 2025-01-31T12:00 plus one month is 2025-02-28T12:00 (not March 3).
        f.check(seq(new Within(1, TimeUnit.MONTHS), null, null, "trial", "pay"), "c6");
        f.check(seq(new Within(2, TimeUnit.MONTHS), null, null, "trial", "pay"), "c6", "c7");
        f.check(seq(new Within(1, TimeUnit.YEARS), null, null, "trial", "pay"), "c6", "c7");
        f.check(seq(new Within(4, TimeUnit.WEEKS), null, null, "trial", "pay"), "c6");
    }

    @Test
    void withoutExcludesEventsStrictlyBetweenFirstAndLastStep() {
        f.check(seq(null, "cancel", null, "view", "buy"), "c1", "c5");
        f.check(seq(null, "view", null, "view", "view"), "c1");
        f.check(seq(null, "buy", null, "view", "view"));
        f.check(seq(null, "buy", null, "buy", "view"), "c1", "c2");
    }

    @Test
    void theWindowAppliesToTheFirstStepAndWhereToEachStep() {
        f.check(seq(null, null, Window.last(30, TimeUnit.DAYS), "view", "buy"), "c1");
        f.check(seq(null, null, Window.last(29, TimeUnit.DAYS), "view", "buy"));
        f.check(seq(null, null, Window.last(30, TimeUnit.DAYS), "buy", "view"), "c1");
        Step homeView = new Step("view", List.of(AttributeCondition.of("events.page", Operator.EQ, "home")));
        Step otherView = new Step("view", List.of(AttributeCondition.of("events.page", Operator.NE, "home")));
        f.check(new SequenceCondition(List.of(Step.of("buy"), homeView), null, null, null), "c1");
        f.check(new SequenceCondition(List.of(homeView, Step.of("buy")), null, null, null));
        f.check(new SequenceCondition(List.of(otherView, homeView), null, null, null), "c1");
    }
}
