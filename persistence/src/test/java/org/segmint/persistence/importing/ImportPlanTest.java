package org.segmint.persistence.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * The checks of an import made before anything is read: one set of rules, said in the command line's words by the
 * importer and in the dialog's by {@link ImportPlan#check} and {@link ImportPlan#checkFlat}.
 */
class ImportPlanTest {
    private static final List<String> SOURCE = List.of("InvoiceNo", "CustomerID", "InvoiceDate", "Amount");
    private static final Catalog EMPTY = new Catalog(List.of());

    private static ImportRequest orders(String... mapping) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < SOURCE.size(); i++) {
            map.put(SOURCE.get(i), mapping[i]);
        }
        return ImportRequest.replace("orders").withMapping(map);
    }

    private static Optional<String> check(ImportRequest request) {
        return ImportPlan.check(request, SOURCE, EMPTY, "orders.csv");
    }

    @Test
    void aRequestThatWouldStartHasNoProblem() {
        assertEquals(Optional.empty(), check(orders("order_id", "customer_id", "order_date", "revenue")));
        assertEquals(Optional.empty(), check(ImportRequest.replace("orders")), "synonyms find the date");
    }

    @Test
    void eachRuleIsSaidInTheDialogsWordsAndInTheCommandLines() {
        ImportRequest noDate = orders("order_id", "customer_id", "invoice_date", "revenue");
        assertEquals(Optional.of("Map a column to order_date (required for orders)."), check(noDate));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> ImportPlan.resolve(noDate, SOURCE, EMPTY, "orders.csv"));
        assertTrue(e.getMessage().contains("--map SOURCE=order_date"), e.getMessage());

        assertEquals(Optional.of("Two columns are mapped to order_id; skip one or rename it."),
                check(orders("order_id", "customer_id", "order_date", "order_id")));
        assertEquals(Optional.of("Column Amount: 'Net Amount' is not a valid name (use a-z, 0-9 and _)."),
                check(orders("order_id", "customer_id", "order_date", "Net Amount")));
        assertEquals(Optional.of("Every column is skipped; map at least one."),
                check(ImportRequest.replace("order_items").withMapping(Map.of("InvoiceNo", "", "CustomerID", "",
                        "InvoiceDate", "", "Amount", ""))));
        ImportRequest upsert = orders("order_id", "customer_id", "order_date", "").withMode(ImportMode.UPSERT);
        assertEquals(Optional.of("Upsert into orders needs key columns (for example order_id)."), check(upsert));
        assertEquals(Optional.of("Key order_no is not one of the imported columns."),
                check(upsert.withKeys(List.of("order_no"))));
        assertEquals(Optional.empty(), check(upsert.withKeys(List.of("order_id"))));
        assertEquals(Optional.of("Choose the table to import into."),
                check(ImportRequest.replace("").withCreateTable(true)));
        assertTrue(check(ImportRequest.replace("Loyalty Scores").withCreateTable(true)).orElseThrow()
                .contains("not a valid table name"));
    }

    @Test
    void aOneStepImportIsCheckedTheSameWay() {
        List<String> lines = List.of("Invoice", "SKU", "Customer ID");
        Map<String, String> destinations = new LinkedHashMap<>();
        destinations.put("Invoice", "order_items.order_id");
        destinations.put("SKU", "order_items.product_id");
        destinations.put("Customer ID", "customer_id");
        FlatRequest request = new FlatRequest(ImportMode.REPLACE, destinations, Map.of(), null);
        assertEquals(Optional.empty(), ImportPlan.checkFlat(request, lines, EMPTY, "lines.csv"));
        destinations.put("Invoice", "");
        assertEquals(Optional.of("Map a column to order_id (a one-step import of order lines needs it)."),
                ImportPlan.checkFlat(new FlatRequest(ImportMode.REPLACE, destinations, Map.of(), null), lines, EMPTY,
                        "lines.csv"));
        assertTrue(ImportPlan.checkFlat(new FlatRequest(ImportMode.APPEND, destinations, Map.of(), null), lines,
                EMPTY, "lines.csv").orElseThrow().startsWith("A one-step import replaces or updates"));
    }
}
