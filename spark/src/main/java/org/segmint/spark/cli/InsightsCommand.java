package org.segmint.spark.cli;

import java.time.LocalDate;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Segment;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.spark.report.InsightsReport;
import org.segmint.spark.report.ReportJson;
import org.segmint.spark.report.SparkEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code insights --data P (--segment NAME | --file F) [--as-of D]}: summary and revenue tree, against everyone. */
@Command(name = "insights", description = "Summary insights and revenue tree of a segment, against all customers.")
public final class InsightsCommand extends DataCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    SegmentChoice source;

    @Override
    protected int execute() {
        LocalDate given = asOfOption();
        source.readEarly();
        SparkEngine engine = open();
        Segment segment = source.resolve(engine.root());
        engine.requireValid(segment.name(), segment.definition());
        LocalDate asOf = engine.root().asOf(given);
        InsightsReport.Result r = InsightsReport.run(engine, segment.definition(), asOf);
        if (json) {
            printJson(ReportJson.insights(segment.name(), r.segment(), r.baseline()));
        } else {
            InsightSummary s = r.segment();
            InsightSummary base = r.baseline();
            println(String.format("%s as of %s (12 months: %s .. %s)", segment.name(), s.asOf(), s.window().from(),
                    s.window().to()));
            println(String.format("  customers        %,14d   (all: %,d)", s.customers(), base.customers()));
            println(String.format("  active (12m)     %,14d   (all: %,d)", s.activeCustomers(),
                    base.activeCustomers()));
            println(String.format("  revenue (12m)    %,17.2f (all: %,.2f)", s.revenue12m(), base.revenue12m()));
            RevenueTree t = s.revenueTree();
            println(String.format("  revenue tree: %,.2f = %,d purchasers x %,.2f per customer;"
                            + " %,.2f = %.3f orders x %,.2f AOV; %,.2f = %.3f units x %,.2f per unit",
                    t.netRevenue(), t.purchasers(), t.revenuePerCustomer(), t.revenuePerCustomer(),
                    t.ordersPerCustomer(), t.averageOrderValue(), t.averageOrderValue(), t.unitsPerTransaction(),
                    t.averageUnitRevenue()));
        }
        return SparkCli.OK;
    }
}
