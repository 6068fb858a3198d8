package org.segmint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.group.PriorityCluster;
import org.segmint.model.group.Schedule;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.group.BatchOperation;
import org.segmint.persistence.group.BatchOperations;
import org.segmint.persistence.group.GroupStore;
import org.segmint.persistence.group.Recalculation;
import org.segmint.persistence.group.Undo;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * {@code java -cp segmint-bench.jar org.segmint.bench.GroupsBench WS [--json] [--runs N]}: the groups' speed
 * cases on Segmint alone (DuckDB has no groups). It WRITES into the workspace (20 smart groups, a static group, tags
 * added and undone): run it on a copy.
 * <ul>
 *   <li>{@code recalc-20}: recalculate 20 smart groups in one run, engine caches dropped first (cold);</li>
 *   <li>{@code recalc-20-warm}: the same with the engine's leaf memberships cached (what a second run pays);</li>
 *   <li>{@code cluster-reorder-10}: one reorder of a cluster of 10 of those groups (members already read);</li>
 *   <li>{@code batch-100k}: add a tag to a static group of 100,000 customers (each run is undone after it).</li>
 * </ul>
 */
public final class GroupsBench {
    private GroupsBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || a.get(0).startsWith("--")) {
            err.println("usage: java -cp segmint-bench.jar org.segmint.bench.GroupsBench WORKSPACE-COPY [--json]"
                    + " [--runs N]");
            return 2;
        }
        boolean json = a.contains("--json");
        int runs = a.contains("--runs") ? Integer.parseInt(a.get(a.indexOf("--runs") + 1)) : 3;
        try (Workspace ws = Workspace.open(Path.of(a.get(0)));
             SegmentEngine engine = new SegmentEngine(ws, name -> Optional.empty())) {
            Map<String, Object> report = bench(ws, engine, runs);
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                report.forEach((k, v) -> out.println(k + ": " + v));
            }
            return 0;
        } catch (WorkspaceException e) {
            err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("The benchmark failed: " + e);
            return 1;
        }
    }

    private static Map<String, Object> bench(Workspace ws, SegmentEngine engine, int runs) {
        Samples s = Samples.pick(ws);
        GroupStore groups = new GroupStore(ws);
        List<Condition> definitions = definitions(s);
        List<String> names = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < definitions.size(); i++) {
            String name = "bench smart " + (i + 1);
            if (groups.find(name).isEmpty()) {
                groups.createSmart(name, definitions.get(i), Schedule.MANUAL, "bench", null,
                        engine.members(definitions.get(i), s.asOf(), Cancellation.none()), s.asOf());
            }
            names.add(name);
        }
        double createMs = (System.nanoTime() - start) / 1e6;
        Recalculation recalculation = new Recalculation(groups, engine);
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            engine.invalidate();
            timing = "recalc20ColdCpuMs";
            cold.add(time(() -> recalculation.run(names, s.asOf(), Cancellation.none(), Progress.NONE)));
            timing = "recalc20WarmCpuMs";
            warm.add(time(() -> recalculation.run(names, s.asOf(), Cancellation.none(), Progress.NONE)));
        }
        List<PriorityCluster.Member> ten = new ArrayList<>();
        for (String n : names.subList(0, 10)) {
            ten.add(new PriorityCluster.Member(n, groups.memberKeys(n)));
        }
        PriorityCluster.assign(ten);
        List<Double> reorder = new ArrayList<>();
        timing = "clusterReorder10CpuMs";
        for (int r = 0; r < 50; r++) {
            List<PriorityCluster.Member> moved = new ArrayList<>(ten);
            moved.add(r % 10, moved.remove((r * 7 + 3) % 10));
            reorder.add(time(() -> PriorityCluster.assign(moved)));
        }
        String big = "bench 100k";
        if (groups.find(big).isEmpty()) {
            groups.createStatic(List.of(big), "bench");
            RoaringBitmap first = new RoaringBitmap();
            engine.allCustomers().forEach((int k) -> {
                if (first.getCardinality() < 100_000) {
                    first.add(k);
                }
            });
            groups.add(big, first);
        }
        BatchOperations batch = new BatchOperations(groups);
        Undo undo = new Undo(groups);
        List<Double> batchMs = new ArrayList<>();
        List<Double> undoMs = new ArrayList<>();
        long changed = 0;
        for (int r = 0; r < runs; r++) {
            long[] n = new long[1];
            timing = "batch100kCpuMs";
            batchMs.add(time(() -> n[0] = batch.apply(big, BatchOperation.tagAdd("bench")).changed()));
            changed = n[0];
            timing = "undo100kCpuMs";
            undoMs.add(time(undo::undoLast));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workspace", ws.file().toString());
        report.put("customers", ws.rowCount("customers"));
        report.put("asOf", s.asOf().toString());
        report.put("runs", runs);
        report.put("createAndFirstCalculation20Ms", round(createMs));
        report.put("recalc20ColdMs", median(cold));
        report.put("recalc20WarmMs", median(warm));
        report.put("groupSizes", names.stream().map(n -> groups.get(n).customers()).toList());
        report.put("clusterReorder10Ms", median(reorder));
        report.put("batch100kMs", median(batchMs));
        report.put("batch100kChanged", changed);
        report.put("undo100kMs", median(undoMs));
        CPU.forEach((k, v) -> report.put(k, median(v)));
        report.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        return report;
    }

    /** 20 definitions over the demo shape: attributes, metrics, purchases and events. */
    private static List<Condition> definitions(Samples s) {
        List<Condition> d = new ArrayList<>();
        for (String country : s.allCountries().subList(0, Math.min(6, s.allCountries().size()))) {
            d.add(new AttributeCondition("customers.country", Operator.EQ, List.of(country), null));
        }
        for (String tier : s.tiers()) {
            d.add(new AttributeCondition("customers.loyalty_tier", Operator.EQ, List.of(tier), null));
        }
        for (int k = 0; k <= 3; k++) {
            d.add(new AttributeCondition("metrics.orders_12m", Operator.GT, List.of(BigDecimal.valueOf(k)), null));
        }
        d.add(new AttributeCondition("metrics.lifecycle", Operator.EQ, List.of("active"), null));
        d.add(new AttributeCondition("metrics.lifecycle", Operator.EQ, List.of("lapsed"), null));
        d.add(new AttributeCondition("metrics.revenue", Operator.GT, List.of(BigDecimal.valueOf(
                Math.round(s.largeRevenue()))), null));
        d.add(new PurchaseCondition(true, List.of(), null, null, Window.last(90, TimeUnit.DAYS)));
        d.add(new PurchaseCondition(true, List.of(), null, new Comparison(Operator.GTE,
                List.of(BigDecimal.valueOf(3))), Window.last(365, TimeUnit.DAYS)));
        for (String event : s.eventTypes()) {
            d.add(new EventCondition(true, event, List.of(), null, Window.last(30, TimeUnit.DAYS)));
        }
        int i = 0;
        while (d.size() < 20) {
            d.add(new AttributeCondition("metrics.days_since_last_order", Operator.LT,
                    List.of(BigDecimal.valueOf(30L * ++i)), null));
        }
        return d.subList(0, 20);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of the calling thread (SQLite runs on it) of each timed run, by case: fair on a loaded machine. */
    private static final Map<String, List<Double>> CPU = new LinkedHashMap<>();
    private static String timing = "";

    private static double time(Runnable work) {
        long t = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        work.run();
        CPU.computeIfAbsent(timing, k -> new ArrayList<>()).add((THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return round(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
