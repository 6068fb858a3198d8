package org.segmint.spark.cli;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.ExplainMode;
import org.segmint.model.segment.Segment;
import org.segmint.spark.report.SparkEngine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code sql --data P (--segment NAME | --file F)}: the plan Spark runs to select the members (nothing runs). */
@Command(name = "sql", description = "Print the plan Spark runs for a segment (its explain output).")
public final class SqlCommand extends DataCommand {
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
        SparkEngine.Pass pass = engine.pass(asOf);
        Column members = pass.members(segment.definition());
        Dataset<Row> rows = pass.frame().build().filter(members).select("customer_id");
        String plan = rows.queryExecution().explainString(ExplainMode.fromString("formatted"));
        if (json) {
            printJson(Map.of("plan", plan));
        } else {
            println(plan);
        }
        return SparkCli.OK;
    }
}
