package org.segmint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.Operator;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;
import org.segmint.persistence.columns.Kbn;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.reference.ReferenceEvaluator;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.spark.plan.CompensatedSum;
import org.segmint.spark.report.SparkEngine;

/**
 * Amounts add up on Spark as on the desktop, which sums with a running compensation: ten orders of 0.10 make 1.0
 * (a plain floating-point sum gives 0.9999999999999999 in any order), so a threshold equal to a customer's total
 * selects the same customers on both.
 */
class CompensatedSumsTest {
    @TempDir
    Path dir;

    @Test
    void aTotalEqualToTheThresholdSelectsTheSameCustomersOnSparkAsOnTheDesktop() throws Exception {
        Path file = dir.resolve("sums.segmint");
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        long day = asOf.minusDays(40).toEpochDay();
        try (Workspace ws = Workspace.create(file)) {
            try (Statement st = ws.connection().createStatement()) {
                st.executeUpdate("INSERT INTO customers(ck, customer_id) VALUES (1, 'c1'), (2, 'c2'), (3, 'c3')");
            }
            try (PreparedStatement order = ws.connection().prepareStatement(
                    "INSERT INTO orders(order_id, customer_id, order_date, revenue) VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (int i = 0; i < 10; i++) {
                    add(order, "o" + ++n, "c1", day + i, 0.1);
                }
                add(order, "o" + ++n, "c2", day, 1.0);
                add(order, "o" + ++n, "c3", day, 0.5);
                add(order, "o" + ++n, "c3", day + 1, 0.49);
            }
            ws.setAsOfSetting(AsOfSetting.parse(asOf.toString()));
            DerivedData.refresh(ws, Progress.NONE);
        }
        Path root = dir.resolve("root");
        Roots.fromWorkspace(file, root);
        List<Condition> definitions = List.of(
                new AttributeCondition("metrics.revenue", Operator.GTE, List.of(BigDecimal.ONE), null),
                new AttributeCondition("metrics.revenue_12m", Operator.EQ, List.of(BigDecimal.ONE), null),
                new PurchaseCondition(true, List.of(), Measure.REVENUE, new Comparison(Operator.GTE,
                        List.of(BigDecimal.ONE)), Window.last(1, TimeUnit.YEARS)));
        List<List<String>> desktop = new ArrayList<>();
        try (Workspace ws = Workspace.open(file);
             SegmentEngine engine = new SegmentEngine(ws, name -> Optional.empty())) {
            ReferenceEvaluator reference = new ReferenceEvaluator(ws.connection(), name -> Optional.empty());
            for (Condition d : definitions) {
                desktop.add(reference.customerIds(engine.members(d, asOf, Cancellation.none())));
            }
        }
        assertEquals(List.of("c1", "c2"), desktop.get(0), "on the desktop ten orders of 0.10 total 1.0");
        List<List<String>> spark = SparkMatchesReferenceTest.sparkMembers(new SparkEngine(Roots.open(root)), asOf,
                definitions);
        assertEquals(desktop, spark);
    }

    /**
     * A segment's revenue in a comparison adds up the sums of its combinations in the driver: adding their unrounded
     * parts gives the one compensated pass of the desktop, where adding the rounded sums is off by the last digit.
     */
    @Test
    void combinationSumsAddUpUnroundedAsOnePassDoes() {
        double[][] groups = {{476.12, 463.25, 208.09, 458.13}, {92.95}, {60.44, 166.35, 360.74}};
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        Kbn onePass = new Kbn();
        for (int g = 0; g < groups.length; g++) {
            for (double amount : groups[g]) {
                rows.add(org.apache.spark.sql.RowFactory.create(g, amount));
                onePass.add(amount);
            }
        }
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("g", org.apache.spark.sql.types.DataTypes.IntegerType)
                .add("amount", org.apache.spark.sql.types.DataTypes.DoubleType);
        List<org.apache.spark.sql.Row> sums = SharedSpark.session().createDataFrame(rows, schema).groupBy("g")
                .agg(CompensatedSum.partsOf(org.apache.spark.sql.functions.col("amount")),
                        CompensatedSum.of(org.apache.spark.sql.functions.col("amount")))
                .collectAsList();
        Kbn fromParts = new Kbn();
        Kbn fromRounded = new Kbn();
        for (org.apache.spark.sql.Row r : sums) {
            CompensatedSum.addTo(fromParts, r.getStruct(1));
            fromRounded.add(r.getDouble(2));
        }
        assertEquals(2286.07, onePass.value());
        assertEquals(onePass.value(), fromParts.value());
        assertEquals(2286.0699999999997, fromRounded.value(), "rounded partial sums lose the last digit");
    }

    private static void add(PreparedStatement order, String id, String customer, long day, double revenue)
            throws Exception {
        order.setString(1, id);
        order.setString(2, customer);
        order.setLong(3, day);
        order.setDouble(4, revenue);
        order.executeUpdate();
    }
}
