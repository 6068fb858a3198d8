package org.segmint.persistence.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;
import org.segmint.model.task.Progress;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.columns.ColumnStore;
import org.segmint.persistence.workspace.DerivedData;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Generates a demo workspace of realistic retail data: customers in households, their orders and order
 * lines, and their web, app and email events; about 10 orders, 30 lines and 20 events per customer on
 * average, skewed (prospects without orders, many light buyers, a few heavy ones). The same
 * {@link DemoConfig} always produces the same data: every household draws from its own random stream
 * derived from the seed, and dates end on the configured end date, never today.
 *
 * <p>The file is new, so it is written without a rollback journal, in one transaction, with indexes
 * built after the load; a failed or cancelled generation deletes the file.
 */
public final class DemoGenerator {
    private static final int PROGRESS_EVERY = 1024;

    private DemoGenerator() {
    }

    /**
     * Creates {@code file} (which must not exist) and fills it with demo data. The workspace is built under a
     * hidden name and given its real name only when complete ({@link Workspace#build}), so a generation that is
     * killed (the app closed during first launch) never leaves an empty or half-written workspace under the real
     * name, and never replaces a file that appeared meanwhile.
     */
    public static DemoSummary generate(Path file, DemoConfig config, Progress progress, Cancellation cancellation) {
        if (Files.exists(file)) {
            throw new WorkspaceException(file + ": already exists; the demo is written to a new file only");
        }
        long start = System.nanoTime();
        DemoSummary[] summary = new DemoSummary[1];
        try {
            Workspace.build(file, ws -> summary[0] = fill(ws, config, progress, cancellation, start));
            return summary[0];
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                throw new CancelledException();
            }
            throw e;
        }
    }

    private static DemoSummary fill(Workspace ws, DemoConfig config, Progress progress, Cancellation cancellation,
                                    long start) throws SQLException {
        Connection c = ws.connection();
        try (Statement st = c.createStatement()) {
            // Nothing to protect in a file that is deleted if this fails: skip the journal and syncs.
            st.execute("PRAGMA journal_mode=OFF");
            st.execute("PRAGMA synchronous=OFF");
        }
        long total = config.customers() + config.customers() / 3L;
        try (Statement canceller = c.createStatement();
             AutoCloseable hook = cancellation.onCancel(() -> cancel(canceller))) {
            c.setAutoCommit(false);
            addColumns(ws);
            long[] rows = writeData(c, config, progress, cancellation, total);
            cancellation.throwIfCancelled();
            ws.setAsOfSetting(AsOfSetting.LATEST_IN_DATA);
            long base = config.customers();
            DerivedData.refreshLinkedData(ws, (d, t, message) ->
                    progress.update(base + (total - base) * d / Math.max(1, t), total, message));
            cancellation.throwIfCancelled();
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
            }
            progress.update(total, total, "Preparing the columns for counting");
            ColumnStore.prepare(ws, cancellation);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new DemoSummary(rows[0], rows[1], rows[2], rows[3], Math.round(seconds * 100) / 100.0);
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] writeData(Connection c, DemoConfig config, Progress progress, Cancellation cancellation,
                                    long total) throws SQLException {
        int endDay = (int) config.endDate().toEpochDay();
        ProductCatalog products = new ProductCatalog();
        SeasonalCalendar calendar = new SeasonalCalendar(HouseholdWriter.firstDay(endDay), endDay);
        // generating runs here, inserting on a second thread; closing the writers hands over their last rows and
        // closing the insert thread waits for them
        try (InsertThread inserts = new InsertThread(c);
             HouseholdWriter households = new HouseholdWriter(inserts, products, endDay);
             PurchaseWriter purchases = new PurchaseWriter(inserts, products, calendar, endDay);
             EventWriter events = new EventWriter(inserts, products, endDay)) {
            long written = 0;
            long household = 0;
            long reported = 0;
            while (written < config.customers()) {
                household++;
                SplittableRandom rng = new SplittableRandom(mix(config.seed(), household));
                int room = (int) Math.min(Integer.MAX_VALUE, config.customers() - written);
                for (Shopper shopper : households.write(rng, household, written + 1, room)) {
                    int orders = purchases.write(rng, shopper);
                    events.write(rng, shopper, rng.nextInt(23) + Math.min(orders, 40));
                }
                written = households.rows();
                if (written - reported >= PROGRESS_EVERY) {
                    reported = written;
                    cancellation.throwIfCancelled();
                    progress.update(written, total, "Generating customers, orders and events");
                }
            }
            return new long[] {households.rows(), purchases.orderRows(), purchases.itemRows(), events.rows()};
        }
    }

    private static void addColumns(Workspace ws) {
        String customers = Catalog.CUSTOMERS;
        ws.addColumn(customers, "first_name", FieldType.TEXT, "First name");
        ws.addColumn(customers, "last_name", FieldType.TEXT, "Last name");
        ws.addColumn(customers, "email", FieldType.TEXT, "Email");
        ws.addColumn(customers, "phone", FieldType.TEXT, "Phone");
        ws.addColumn(customers, "gender", FieldType.TEXT, "Gender");
        ws.addColumn(customers, "birth_date", FieldType.DATE, "Birth date");
        ws.addColumn(customers, "address", FieldType.TEXT, "Street address");
        ws.addColumn(customers, "postal_code", FieldType.TEXT, "Postal code");
        ws.addColumn(customers, "city", FieldType.TEXT, "City");
        ws.addColumn(customers, "country", FieldType.TEXT, "Country");
        ws.addColumn(customers, "loyalty_tier", FieldType.TEXT, "Loyalty tier");
        ws.addColumn(customers, "email_opt_in", FieldType.BOOLEAN, "Email opt-in");
        ws.addColumn(customers, "sms_opt_in", FieldType.BOOLEAN, "SMS opt-in");
        ws.addColumn(customers, "has_children", FieldType.BOOLEAN, "Has children");
        ws.addColumn(customers, "household_id", FieldType.TEXT, "Household id");
        ws.addColumn(customers, "account_id", FieldType.TEXT, "Account id");
        ws.addColumn(customers, "signup_date", FieldType.DATE, "Sign-up date");
        ws.addColumn(Catalog.ORDERS, "channel", FieldType.TEXT, "Channel");
        ws.addColumn(Catalog.ORDER_ITEMS, "category", FieldType.TEXT, "Category");
        ws.addColumn(Catalog.ORDER_ITEMS, "brand", FieldType.TEXT, "Brand");
        ws.addColumn(Catalog.EVENTS, "url", FieldType.TEXT, "Page URL");
        ws.addColumn(Catalog.EVENTS, "campaign", FieldType.TEXT, "Campaign");
    }

    /** A well-spread stream seed per household, so neighbouring households share no random sequence. */
    static long mix(long seed, long household) {
        return finalise(seed ^ finalise(household * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static void cancel(Statement statement) {
        try {
            // Interrupts whatever runs on the connection, such as a long CREATE INDEX.
            statement.cancel();
        } catch (SQLException e) {
            // The generation stops at its next check instead.
        }
    }
}
