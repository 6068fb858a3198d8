package org.segmint.spark;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.GroupCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.store.ValueLists;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.cli.Sessions;
import org.segmint.spark.report.CompareReport;
import org.segmint.spark.report.Counts;
import org.segmint.spark.report.InsightsReport;
import org.segmint.spark.report.ModelReport;
import org.segmint.spark.report.SparkEngine;
import org.segmint.spark.root.DataRoot;

/**
 * The performance classes a–g of PERFORMANCE.md on Spark, with the definitions of the bench module's cases (the
 * same sample values, picked the same way from the workspace), for docs/spark.md. Not a test: run one case per JVM,
 * so that each case's peak memory can be read ({@code /usr/bin/time -v}):
 * {@code java -cp ... org.segmint.spark.SparkBenchmark WS.segmint ROOT CASE [MASTER [RUNS]]}. Prints, for each run, the
 * case, its answer, the time of the case's Spark jobs (the session already started; the first run of a JVM is cold)
 * and the time the session took to start, with the bytes its tasks read and wrote to the shuffle (task metrics; the
 * listener sees a task's end a moment after the job returns, so the last tasks may be missing).
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    public static void main(String[] args) {
        Path workspace = Path.of(args[0]);
        String root = args[1];
        String which = args[2];
        String master = args.length > 3 ? args[3] : "local[2]";
        long start = System.nanoTime();
        Samples s;
        try (Workspace ws = Workspace.openReadOnly(workspace)) {
            s = Samples.pick(ws);
        }
        SparkSession spark = SparkSession.builder().master(master).appName("segmint-benchmark")
                .config("spark.ui.enabled", "false").config("spark.log.level", "ERROR")
                .config("spark.ui.showConsoleProgress", "false").getOrCreate();
        Sessions.configure(spark);
        double ready = (System.nanoTime() - start) / 1e9;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        AtomicLong input = new AtomicLong();
        AtomicLong shuffle = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    input.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
                    shuffle.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
            }
        });
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            input.set(0);
            shuffle.set(0);
            SparkEngine engine = new SparkEngine(DataRoot.open(spark, root, null, Map.of()));
            String answer = run(engine, s, which);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s\t%s\t%.2f s job (run %d)\t%.2f s session\t%d bytes read\t%d bytes shuffled%n",
                    which, answer, seconds, i + 1, ready, input.get(), shuffle.get());
        }
        spark.stop();
    }

    private static String run(SparkEngine engine, Samples s, String which) {
        LocalDate asOf = s.asOf();
        switch (which) {
            case "a":
                return count(engine, s.attributeSegment(), asOf);
            case "b":
                return count(engine, s.purchaseSegment(), asOf);
            case "c":
                return count(engine, s.categorySegment(), asOf);
            case "d":
                return count(engine, s.eventSegment(), asOf);
            case "e-small":
                return Long.toString(InsightsReport.run(engine, s.revenueAbove(s.small), asOf).segment().customers());
            case "e-large":
                return Long.toString(InsightsReport.run(engine, s.revenueAbove(s.large), asOf).segment().customers());
            case "f":
                return Long.toString(CompareReport.run(engine, named(s.attributeSegment(), s.purchaseSegment(), s.categorySegment(),
                        s.eventSegment(), s.revenueAbove(s.large)), asOf).overlap().union());
            case "g": {
                List<ModelEntry> entries = new ArrayList<>();
                List<Condition> six = List.of(s.revenueAbove(s.small), s.attributeSegment(), s.purchaseSegment(), s.categorySegment(),
                        s.eventSegment(), s.revenueAbove(s.large));
                for (int i = 0; i < six.size(); i++) {
                    entries.add(ModelEntry.inline("S" + (i + 1), six.get(i)));
                }
                ModelReport.Result r = ModelReport.run(engine, new PriorityModel("g", entries, "Rest", Map.of()),
                        List.of(), asOf, null);
                return Long.toString(r.total() - r.leftovers());
            }
            default:
                throw new IllegalArgumentException("no case " + which);
        }
    }

    private static String count(SparkEngine engine, Condition definition, LocalDate asOf) {
        return Long.toString(Counts.count(engine, definition, asOf, null)[0]);
    }

    private static List<Segment> named(Condition... definitions) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < definitions.length; i++) {
            segments.add(Segment.of("S" + (i + 1), definitions[i]));
        }
        return segments;
    }

    /** The bench module's sample values (Samples.pick), read the same way. */
    record Samples(LocalDate asOf, String gender, List<String> countries, List<String> tiers, String category,
                   List<String> events, double small, double large) {
        static Samples pick(Workspace ws) {
            ValueLists v = new ValueLists(ws);
            List<String> tiers = v.mostFrequent("customers", "loyalty_tier", 10);
            tiers = tiers.contains("gold") && tiers.contains("platinum") ? List.of("gold", "platinum")
                    : tiers.subList(0, Math.min(2, tiers.size()));
            List<String> events = v.mostFrequent("events", "event_type", 50);
            events = events.contains("click_laptop") && events.contains("click_camera")
                    ? List.of("click_laptop", "click_camera") : events.subList(0, 2);
            List<String> countries = v.mostFrequent("customers", "country", 50);
            return new Samples(ws.asOf(), v.mostFrequent("customers", "gender", 1).get(0),
                    countries.subList(0, Math.min(3, countries.size())), tiers,
                    v.mostFrequent("order_items", "category", 1).get(0), events,
                    v.customerQuantile("metrics.revenue", 0.97).orElseThrow(),
                    v.customerQuantile("metrics.revenue", 0.40).orElseThrow());
        }

        Condition attributeSegment() {
            return GroupCondition.all(List.of(AttributeCondition.of("customers.gender", Operator.EQ, gender),
                    new AttributeCondition("customers.country", Operator.IN, new ArrayList<>(countries), null),
                    new AttributeCondition("customers.loyalty_tier", Operator.IN, new ArrayList<>(tiers), null)));
        }

        Condition purchaseSegment() {
            return GroupCondition.all(List.of(new PurchaseCondition(true, List.of(), Measure.ORDERS,
                    Comparison.of(Operator.GTE, 3), Window.last(90, TimeUnit.DAYS)), new PurchaseCondition(true,
                    List.of(), Measure.REVENUE, Comparison.of(Operator.GT, 500), Window.last(365, TimeUnit.DAYS))));
        }

        Condition categorySegment() {
            return new PurchaseCondition(true, List.of(AttributeCondition.of("order_items.category", Operator.EQ,
                    category)), Measure.ORDERS, Comparison.AT_LEAST_ONE, Window.last(3, TimeUnit.MONTHS));
        }

        Condition eventSegment() {
            Window days30 = Window.last(30, TimeUnit.DAYS);
            return GroupCondition.all(List.of(EventCondition.did(events.get(0), days30),
                    new org.segmint.model.segment.EventCondition(false, events.get(1), List.of(),
                            Comparison.AT_LEAST_ONE, days30)));
        }

        Condition revenueAbove(double value) {
            return AttributeCondition.of("metrics.revenue", Operator.GT, BigDecimal.valueOf(value));
        }
    }
}
