package org.segmint.app.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmint.app.shell.AppContext;
import org.segmint.app.shell.ScriptedDialogs;
import org.segmint.app.shell.SettingsStore;
import org.segmint.app.task.SameThreadExecutor;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.importing.ColumnType;
import org.segmint.persistence.importing.ImportMode;
import org.segmint.persistence.importing.ImportSummary;

class ImportViewModelTest {
    @TempDir
    Path dir;
    private AppContext context;
    private ScriptedDialogs dialogs;

    @BeforeEach
    void setUp() {
        dialogs = new ScriptedDialogs();
        context = new AppContext(new SameThreadExecutor(), dialogs, new SettingsStore(dir.resolve("settings.json")));
        context.setSession(AppContext.createFile(dir.resolve("shop.segmint")));
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private ImportViewModel open(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        ImportViewModel model = new ImportViewModel(context, file);
        model.start();
        return model;
    }

    private static List<String> sources(ImportViewModel m) {
        return m.mappings().stream().map(ColumnMapping::source).toList();
    }

    @Test
    void detectedSettingsAreShownAndTheColumnsGetNormalisedTargetsAndInferredTypes() throws Exception {
        ImportViewModel m = open("customers.csv", "CustomerID;First Name;Birth Date;Score\n"
                + "C1;Ann;1980-02-03;12\nC2;Bob;1975-12-31;7\n");
        assertEquals("Semicolon", m.delimiterProperty().get());
        assertTrue(m.headerProperty().get());
        assertEquals(List.of("CustomerID", "First Name", "Birth Date", "Score"), sources(m));
        assertEquals(List.of("customer_id", "first_name", "birth_date", "score"),
                m.mappings().stream().map(ColumnMapping::target).toList());
        assertEquals(FieldType.DATE, m.mappings().get(2).inferred().type());
        assertEquals(FieldType.INTEGER, m.mappings().get(3).inferred().type());
        assertEquals(2, m.previewProperty().get().rows().size());
        assertEquals("", m.problemProperty().get());
    }

    @Test
    void changingTheDelimiterReadsThePreviewAgain() throws Exception {
        ImportViewModel m = open("mixed.csv", "customer_id,note\nC1,\"a;b\"\nC2,c;d\n");
        assertEquals("Comma", m.delimiterProperty().get());
        assertEquals(2, m.mappings().size());
        m.delimiterProperty().set("Semicolon");
        assertEquals(List.of("customer_id,note"), sources(m));
        assertEquals("Map a column to customer_id (required for customers).", m.problemProperty().get());
        m.delimiterProperty().set("Comma");
        assertEquals(List.of("customer_id", "note"), sources(m));
        assertEquals("", m.problemProperty().get());
    }

    @Test
    void turningTheHeaderOffShowsTheFirstRowAsData() throws Exception {
        ImportViewModel m = open("c.csv", "customer_id,city\nC1,Paris\n");
        m.headerProperty().set(false);
        assertEquals(2, m.previewProperty().get().rows().size());
        assertEquals("customer_id", m.previewProperty().get().rows().get(0).get(0));
    }

    @Test
    void mappingProblemsAreReportedBeforeImporting() throws Exception {
        ImportViewModel m = open("orders.csv", "InvoiceNo,CustomerID,InvoiceDate,Amount\n"
                + "1,C1,2024-01-02,10.5\n");
        assertEquals("orders", m.tableProperty().get(), "an order number with a date: orders");
        assertEquals(List.of("order_id", "customer_id", "order_date", "revenue"),
                m.mappings().stream().map(ColumnMapping::target).toList(), "synonyms name the standard columns");
        assertEquals("", m.problemProperty().get());
        m.mappings().get(2).targetProperty().set("invoice_date");
        assertEquals("Map a column to order_date (required for orders).", m.problemProperty().get());
        m.mappings().get(2).targetProperty().set("order_date");
        assertEquals("", m.problemProperty().get());
        m.mappings().get(3).targetProperty().set("order_id");
        assertEquals("Two columns are mapped to order_id; skip one or rename it.", m.problemProperty().get());
        m.mappings().get(3).targetProperty().set("Net Amount");
        assertTrue(m.problemProperty().get().contains("'Net Amount' is not a valid name"));
        m.mappings().get(3).targetProperty().set("");
        assertEquals("", m.problemProperty().get(), "an empty target skips the column");
        m.modeProperty().set(ImportMode.UPSERT);
        assertEquals("Upsert into orders needs key columns (for example order_id).", m.problemProperty().get());
        m.keysProperty().set("order_id");
        assertEquals("", m.problemProperty().get());
        for (ColumnMapping mapping : m.mappings()) {
            mapping.targetProperty().set("");
        }
        assertEquals("Every column is skipped; map at least one.", m.problemProperty().get());
        m.mappings().get(2).targetProperty().set("order_date");
        m.mappings().get(0).targetProperty().set("order_id");
        assertEquals("", m.problemProperty().get());
        m.tableProperty().set("");
        assertEquals("Choose the table to import into.", m.problemProperty().get());
        m.tableProperty().set("Loyalty Scores");
        assertTrue(m.problemProperty().get().contains("not a valid table name"));
    }

    @Test
    void importWritesTheRowsReportsRejectsAndOffersTheRejectsFile() throws Exception {
        ImportViewModel m = open("customers.csv", "customer_id,age,city\nC1,34,Paris\nC2,unknown,Lyon\n"
                + "C3,51,Nice\n");
        int revision = context.dataRevision().get();
        ColumnMapping age = m.mappings().get(1);
        age.typeProperty().set(ColumnType.INTEGER);
        assertTrue(age.overridden());
        m.runImport();
        ImportSummary s = m.summaryProperty().get();
        assertNotNull(s, m.failureProperty().get());
        assertEquals(2, s.rows());
        assertEquals(1, s.rejected());
        assertEquals(revision + 1, context.dataRevision().get());
        assertEquals(2L, (long) context.requireSession().read(ws -> ws.rowCount("customers")));
        assertTrue(Files.readString(s.rejectsFile()).contains("unknown"));
        m.openRejects();
        assertEquals(List.of(s.rejectsFile()), dialogs.opened);
        assertTrue(ImportDialog.describe(s).startsWith("Imported 2 rows into customers"));
    }

    @Test
    void aFailedImportLeavesTheWorkspaceAsItWasAndSaysWhy() throws Exception {
        ImportViewModel first = open("a.csv", "customer_id,city\nC1,Paris\n");
        first.runImport();
        ImportViewModel m = open("b.csv", "customer_id,city\nC2,Lyon\n");
        m.tableProperty().set("orders");
        m.mappings().get(1).targetProperty().set("order_date");
        ColumnType inferred = m.mappings().get(1).typeProperty().get();
        m.mappings().get(1).typeProperty().set(ColumnType.INTEGER); // order_date is a date column
        assertTrue(m.problemProperty().get().contains("orders.order_date is a date column"),
                m.problemProperty().get());
        m.runImport();
        assertEquals("", m.failureProperty().get(), "refused before it starts");
        m.mappings().get(1).typeProperty().set(inferred);
        assertEquals("", m.problemProperty().get());
        java.nio.file.Files.delete(m.file()); // gone between the preview and the import
        m.runImport();
        assertEquals(null, m.summaryProperty().get());
        assertTrue(!m.failureProperty().get().isEmpty());
        assertTrue(!m.failureProperty().get().contains("Exception"), m.failureProperty().get());
        assertEquals(0L, (long) context.requireSession().read(ws -> ws.rowCount("orders")));
        assertEquals(1L, (long) context.requireSession().read(ws -> ws.rowCount("customers")));
    }

    @Test
    void aMissingFileIsOneClearProblem() {
        ImportViewModel m = new ImportViewModel(context, dir.resolve("gone.csv"));
        m.start();
        assertTrue(m.problemProperty().get().contains("no such file"), m.problemProperty().get());
    }

    @Test
    void aTableChangeMovesTheSuggestedTargetsButKeepsTheTypedOnes() throws Exception {
        ImportViewModel m = open("events.csv", "User ID,Event,Date,Note\nC1,click,2024-01-02 10:00,x\n");
        assertEquals("events", m.tableProperty().get());
        assertEquals(List.of("customer_id", "event_type", "event_time", "note"),
                m.mappings().stream().map(ColumnMapping::target).toList());
        m.mappings().get(3).targetProperty().set("remark");
        m.tableProperty().set("orders");
        assertEquals(List.of("customer_id", "event", "order_date", "remark"),
                m.mappings().stream().map(ColumnMapping::target).toList());
    }

    @Test
    void aFileOfOrderLinesWithCustomersIsImportedInOneStep() throws Exception {
        ImportViewModel m = open("lines.csv", "Invoice,SKU,Qty,Price,Customer ID,Country\n"
                + "A1,P1,2,5.00,c1,DE\nA1,P2,1,3.50,c1,DE\nA2,P1,1,5.00,c2,FR\nA3,P3,1,1.00,c2,FR\n");
        assertTrue(m.shapeProperty().get().orderLines());
        assertTrue(m.oneStepProperty().get(), "offered and on");
        assertEquals(List.of("order_items.order_id", "order_items.product_id", "order_items.quantity",
                "order_items.unit_price", "customer_id", "customers.country"),
                m.mappings().stream().map(ColumnMapping::target).toList());
        assertEquals("", m.problemProperty().get());
        m.modeProperty().set(ImportMode.APPEND);
        assertTrue(m.problemProperty().get().contains("replaces or updates"), m.problemProperty().get());
        m.modeProperty().set(ImportMode.REPLACE);
        m.runImport();
        assertNotNull(m.flatSummaryProperty().get(), m.failureProperty().get());
        assertEquals(2, m.flatSummaryProperty().get().customers());
        assertEquals(3, m.flatSummaryProperty().get().orders());
        assertEquals(3L, (long) context.requireSession().read(ws -> ws.rowCount("orders")));
        String text = ImportDialog.describe(m.flatSummaryProperty().get());
        assertTrue(text.startsWith("Imported 4 order lines"), text);
        assertTrue(text.contains("2 customers, 3 orders, 4 order items"), text);
        assertTrue(text.contains("• Customers: the 2 distinct customer ids of the lines, each with country"), text);
    }

    @Test
    void aTableOfAnotherSqliteDatabaseIsChosenPreviewedAndImported() throws Exception {
        Path db = dir.resolve("crm.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE Clients(ClientId TEXT, Email TEXT, Tier TEXT)");
            st.execute("INSERT INTO Clients VALUES ('K1', 'a@x.com', 'gold'), ('K2', NULL, 'silver')");
            st.execute("CREATE TABLE Notes(Id INTEGER, Text TEXT)");
        }
        ImportViewModel m = new ImportViewModel(context, db);
        m.start();
        assertTrue(m.isDatabase());
        assertEquals(List.of("Clients", "Notes"), m.sourceTables());
        assertEquals("Clients", m.sourceTableProperty().get());
        assertEquals(List.of("customer_id", "email", "tier"), m.mappings().stream().map(ColumnMapping::target)
                .toList(), "ClientId and Email by synonym");
        assertEquals(2, m.previewProperty().get().rows().size());
        m.runImport();
        assertNotNull(m.summaryProperty().get(), m.failureProperty().get());
        assertEquals("crm.sqlite#Clients", m.summaryProperty().get().source());
        assertEquals(2L, (long) context.requireSession().read(ws -> ws.rowCount("customers")));
        m.sourceTableProperty().set("Notes");
        assertEquals(List.of("Id", "Text"), sources(m));
    }
}
