package org.segmint.persistence.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

class MemberExportTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.create(dir.resolve("t.segmint"));
        ws.addColumn("customers", "email", FieldType.TEXT, null);
        ws.addColumn("customers", "birth_date", FieldType.DATE, null);
        ws.addColumn("customers", "opt_in", FieldType.BOOLEAN, null);
        Sql.inTransaction(ws, "t", c -> {
            Sql.update(c, "INSERT INTO customers(ck, customer_id, email, birth_date, opt_in) VALUES"
                    + " (1, 'C1', 'a@x.org', 0, 1), (2, 'C2', 'say \"hi\", b@x.org', NULL, 0), (3, 'C3', NULL, 1, NULL)");
            return Sql.update(c, "INSERT INTO metrics(ck, revenue, orders) VALUES (1, 1234.5, 3), (2, 20000000.0, 1)");
        });
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void writesOnlyMembersWithTypedValuesAndRfc4180Quoting() throws Exception {
        MemberExport export = new MemberExport(ws);
        List<Field> columns = export.columns(List.of("customer_id", "customers.email", "birth_date", "opt_in",
                "metrics.revenue", "metrics.orders"));
        Path out = dir.resolve("m.csv");
        long rows = export.write(RoaringBitmap.bitmapOf(1, 2), columns, out, new MemberExport.CsvOptions(true, false),
                Cancellation.none());
        assertEquals(2, rows);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals("\uFEFFcustomer_id,email,birth_date,opt_in,"
                + "metrics.revenue,metrics.orders\r\n"
                + "C1,a@x.org,1970-01-01,true,1234.5,3\r\n"
                + "C2,\"say \"\"hi\"\", b@x.org\",,false,20000000,1\r\n", text);
    }

    @Test
    void defaultColumnsAreIdAndEmail() {
        assertEquals(List.of("customers.customer_id", "customers.email"),
                new MemberExport(ws).defaultColumns().stream().map(Field::id).toList());
    }

    @Test
    void badColumnsAreRefused() {
        MemberExport export = new MemberExport(ws);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> export.columns(List.of("tier")));
        assertTrue(e.getMessage().startsWith("Unknown column 'tier' (customers columns: customer_id, email"),
                e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> export.columns(List.of("orders.revenue")));
        assertTrue(e.getMessage().contains("many rows per customer"), e.getMessage());
    }
}
