package org.segmint.app.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.hierarchy.Levels;
import org.segmint.persistence.insight.Breakdowns;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.insight.InsightJson;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code segmint insights WS (--segment NAME | --file F) [--as-of DATE] [--breakdown FIELD ...]}: customers,
 * active customers, revenue, reachability, monthly revenue and the revenue tree of a segment, with all
 * customers as the baseline.
 */
@Command(name = "insights", description = "Summary insights and revenue tree of a segment, against all customers.")
public final class InsightsCommand extends EvaluatingCommand {
    private static final int MAX_BREAKDOWNS = 6;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DefinitionSource source;

    @Option(names = "--breakdown", paramLabel = "FIELD", split = ",",
            description = "Break the members down by these attributes (customers.* or metrics.*; up to 6).")
    List<String> breakdowns = new ArrayList<>();

    @Option(names = "--compare-by", paramLabel = "MEASURE", defaultValue = "customers",
            description = "Breakdown measure: customers, purchasers, revenue or revenue_per_purchaser"
                    + " (default ${DEFAULT-VALUE}).")
    String compareBy;

    static final int MAX_TOP = 1_000;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Categories shown before 'Other' (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--from", paramLabel = "DATE", description = "Start of the breakdown's purchase range"
            + " (default: the 12-month window).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "End of the breakdown's purchase range.")
    String to;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Also count the members and the active members"
            + " at this level (" + LevelOption.DESCRIPTION + ").")
    String levelText;

    @Override
    protected int execute() throws Exception {
        if (breakdowns.size() > MAX_BREAKDOWNS) {
            throw new WorkspaceException("--breakdown: at most " + MAX_BREAKDOWNS + " attributes");
        }
        if (top < 1 || top > MAX_TOP) {
            throw new WorkspaceException("--top: expected a number of rows from 1 to " + MAX_TOP + ", not " + top);
        }
        CompareBy by = compareBy();
        try (Workspace ws = openWorkspace()) {
            SegmentStore store = new SegmentStore(ws);
            DefinitionSource.Resolved resolved = source.resolve(store);
            LocalDate asOf = asOf(ws);
            DateRange range = range(asOf);
            try (SegmentEngine engine = engine(ws, store)) {
                RoaringBitmap members = DefinitionSource.members(engine, resolved, asOf);
                Insights insights = new Insights(ws);
                InsightSummary s = insights.summary(members, asOf, engine.viewSql(resolved.definition(), asOf),
                        Cancellation.none());
                InsightSummary base = insights.baseline(asOf, Cancellation.none());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("segment", resolved.name());
                result.put("asOf", asOf.toString());
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("from", s.window().from().toString());
                window.put("to", s.window().to().toString());
                result.put("window", window);
                result.putAll(InsightJson.summary(s, true));
                result.put("changeAgainstBaseline", s.revenueTree().changeAgainst(base.revenueTree()));
                result.put("baseline", InsightJson.summary(base, false));
                if (levelText != null) {
                    result.put("levelCounts", levelCounts(ws, insights, engine, members, asOf));
                }
                List<Object> charts = new ArrayList<>();
                Breakdowns b = new Breakdowns(ws, insights);
                for (String field : breakdowns) {
                    charts.add(InsightJson.breakdown(b.of(members, field.strip(), by, top, range,
                            Cancellation.none())));
                }
                if (!charts.isEmpty()) {
                    result.put("breakdowns", charts);
                }
                result.put("sql", s.sql());
                if (json) {
                    printJson(result);
                } else {
                    printText(resolved.name(), s, base);
                }
                return Cli.OK;
            }
        }
    }

    /** Members and active members (an order in the 12 months) in units of the level, and the same for all. */
    private Map<String, Object> levelCounts(Workspace ws, Insights insights, SegmentEngine engine,
                                            RoaringBitmap members, LocalDate asOf) {
        Levels levels = new Levels(ws);
        HierarchyLevel level = LevelOption.resolve(levels, levelText);
        RoaringBitmap all = engine.allCustomers();
        Map<String, Object> counts = new LinkedHashMap<>();
        LevelOption.put(counts, level, levels.count(members, level));
        counts.put("active", levels.count(insights.purchasers(members, asOf, Cancellation.none()), level));
        counts.put("baselineCount", levels.count(all, level));
        counts.put("baselineActive", levels.count(insights.purchasers(all, asOf, Cancellation.none()), level));
        return counts;
    }

    private CompareBy compareBy() {
        try {
            return CompareBy.valueOf(compareBy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WorkspaceException("--compare-by: expected customers, purchasers, revenue or"
                    + " revenue_per_purchaser, not '" + compareBy + "'");
        }
    }

    private DateRange range(LocalDate asOf) {
        if (from == null && to == null) {
            return Insights.window(asOf);
        }
        LocalDate start = date("--from", from);
        LocalDate end = date("--to", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new WorkspaceException("--from " + start + " is after --to " + end + "; give the earlier date first");
        }
        return new DateRange(start, end);
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new WorkspaceException(option + ": expected a date like 2025-06-30, not '" + text + "'");
        }
    }

    private void printText(String name, InsightSummary s, InsightSummary base) {
        println(String.format("%s as of %s (12 months: %s .. %s)", name, s.asOf(), s.window().from(),
                s.window().to()));
        println(String.format("  customers        %,14d   (all: %,d)", s.customers(), base.customers()));
        println(String.format("  active (12m)     %,14d   (all: %,d)", s.activeCustomers(), base.activeCustomers()));
        println(String.format("  revenue (12m)    %,17.2f (all: %,.2f)", s.revenue12m(), base.revenue12m()));
        RevenueTree t = s.revenueTree();
        println(String.format("  revenue tree: %,.2f = %,d purchasers x %,.2f per customer;"
                        + " %,.2f = %.3f orders x %,.2f AOV; %,.2f = %.3f units x %,.2f per unit",
                t.netRevenue(), t.purchasers(), t.revenuePerCustomer(), t.revenuePerCustomer(),
                t.ordersPerCustomer(), t.averageOrderValue(), t.averageOrderValue(), t.unitsPerTransaction(),
                t.averageUnitRevenue()));
    }
}
