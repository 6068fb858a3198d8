package org.segmint.app.sparkjob;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.UserMessages;
import org.segmint.app.shell.WorkspaceSession;
import org.segmint.app.task.Tasks;
import org.segmint.model.segment.Condition;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.insight.InsightSummary;
import org.segmint.persistence.insight.Insights;
import org.segmint.persistence.insight.Memberships;
import org.segmint.persistence.sparkjob.SparkJob;
import org.segmint.persistence.sparkjob.SparkJobResults;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.waterfall.ModelRunner;

/**
 * A finished Spark job's answers beside this computer's: the job folder's results (a segment's counts and revenue
 * tree, or a model's assignment) and the same numbers computed here by the engine, as of the date the cluster used,
 * row by row with their difference. On the same data they are equal; on a sample, the difference is how the sample
 * differs from the whole.
 */
public final class SparkResultsViewModel {
    /** One number on both sides; {@code same} when they agree (counts exactly, money to 1e-9 relative). */
    public record Row(String what, String spark, String local, String difference, boolean same) {
    }

    private final AppContext context;
    private final WorkspaceSession session;

    // Properties //
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("Spark results");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public SparkResultsViewModel(AppContext context) {
        this.context = context;
        this.session = context.requireSession();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    // Commands //

    /** Reads the job's results and computes the same numbers here, in the background. */
    public void load(Path folder) {
        loading.set(true);
        rows.clear();
        summary.set("Reading the job's results and counting here…");
        Tasks.create(ctx -> {
            SparkJobResults results = SparkJobResults.read(folder);
            return results.kind() == SparkJob.Kind.SEGMENT ? segmentRows(results, ctx.cancellation())
                    : modelRows(results, ctx.cancellation());
        })
                .onSuccess(this::show)
                .onError(e -> {
                    title.set("Spark results");
                    summary.set(UserMessages.message(e));
                })
                .andFinally(() -> loading.set(false))
                .runOnce(context.executor());
    }

    private record Loaded(String title, List<Row> rows) {
    }

    private void show(Loaded loaded) {
        title.set(loaded.title());
        rows.setAll(loaded.rows());
        long differ = loaded.rows().stream().filter(r -> !r.same()).count();
        summary.set(differ == 0 ? "Spark and this computer agree on all " + loaded.rows().size() + " numbers."
                : differ + " of " + loaded.rows().size() + " numbers differ: the cluster's data is not this"
                + " workspace's (a sample, or newer data), or the workspace changed since the job was written.");
    }

    private Loaded segmentRows(SparkJobResults r, Cancellation cancel) {
        Condition definition = session.read(ws -> new SegmentStore(ws).get(r.name()).segment().definition());
        RoaringBitmap members = session.engine().members(definition, r.asOf(), cancel);
        InsightSummary here = session.read(ws -> new Insights(ws).summary(members, r.asOf(), null, cancel));
        SparkJobResults.SegmentNumbers s = r.segment();
        List<Row> rows = new ArrayList<>();
        rows.add(count("Customers", s.customers(), here.customers()));
        rows.add(count("Active customers (12 months)", s.activeCustomers(), here.activeCustomers()));
        rows.add(money("Revenue (12 months)", s.revenue12m(), here.revenue12m()));
        rows.add(count("Orders (12 months)", s.orders(), here.revenueTree().orders()));
        rows.add(money("Units (12 months)", s.units(), here.revenueTree().units()));
        rows.add(money("Revenue per customer", s.revenuePerCustomer(), here.revenueTree().revenuePerCustomer()));
        rows.add(money("Average order value", s.averageOrderValue(), here.revenueTree().averageOrderValue()));
        return new Loaded("Segment '" + r.name() + "' as of " + r.asOf(), rows);
    }

    private Loaded modelRows(SparkJobResults r, Cancellation cancel) {
        PriorityModel model = session.read(ws -> new ModelStore(ws).get(r.name()));
        ModelRunner runner = new ModelRunner(Memberships.of(session.engine()),
                name -> session.read(ws -> new SegmentStore(ws).definition(name)));
        LocalDate asOf = r.asOf();
        WaterfallResult here = runner.run(model, asOf, cancel).result();
        SparkJobResults.ModelNumbers m = r.model();
        List<Row> rows = new ArrayList<>();
        for (SparkJobResults.Entry e : m.entries()) {
            EntryResult local = here.entries().stream().filter(x -> x.name().equals(e.name())).findFirst()
                    .orElse(null);
            rows.add(count(e.name() + ": assigned", e.assigned(), local == null ? -1 : local.assigned()));
            rows.add(count(e.name() + ": qualifying", e.qualifying(), local == null ? -1 : local.qualifying()));
        }
        rows.add(count((m.leftoversName() == null ? "Not assigned" : m.leftoversName()), m.leftovers(),
                here.leftovers().getLongCardinality()));
        rows.add(count("Customers", m.total(), here.total()));
        return new Loaded("Model '" + r.name() + "' as of " + asOf, rows);
    }

    static Row count(String what, long spark, long local) {
        String here = local < 0 ? "—" : String.format(Locale.ROOT, "%,d", local);
        boolean same = spark == local;
        return new Row(what, String.format(Locale.ROOT, "%,d", spark), here, same ? "same"
                : local <= 0 ? "—" : percent((double) spark / local - 1), same);
    }

    static Row money(String what, double spark, double local) {
        boolean same = Math.abs(spark - local) <= 1e-9 * Math.max(1, Math.max(Math.abs(spark), Math.abs(local)));
        return new Row(what, String.format(Locale.ROOT, "%,.2f", spark), String.format(Locale.ROOT, "%,.2f", local),
                same ? "same" : local == 0 ? "—" : percent(spark / local - 1), same);
    }

    private static String percent(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }
}
