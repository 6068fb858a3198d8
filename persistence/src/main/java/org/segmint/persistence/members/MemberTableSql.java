package org.segmint.persistence.members;

import java.util.List;
import java.util.stream.Collectors;
import org.segmint.model.catalog.Field;
import org.segmint.persistence.store.MemberExport;

/**
 * "View SQL" of one page of the Customers tab: the chosen columns of the members, in the table's order, as one
 * statement that runs in the {@code sqlite3} shell. For reading only: the table itself sorts the members' keys in
 * memory ({@link MemberTable}), which gives the same order (empty values last, ties by customer key).
 */
public final class MemberTableSql {
    private MemberTableSql() {
    }

    /**
     * @param membersSql the members' query (selecting {@code ck}), e.g. the engine's View SQL
     * @param sort       the sort column, or null for customer-key order
     */
    public static String page(String membersSql, List<Field> columns, Field sort, SortOrder order, long offset,
                              int limit) {
        String select = columns.stream().map(f -> MemberExport.expression(f) + " AS \""
                + MemberExport.header(f).replace("\"", "\"\"") + "\"").collect(Collectors.joining(",\n  "));
        String orderBy;
        if (sort == null) {
            orderBy = "c.ck";
        } else {
            String e = MemberExport.expression(sort);
            orderBy = "(" + e + " IS NULL OR " + e + " = '') , " + e + (order == SortOrder.DESCENDING ? " DESC" : "")
                    + ", c.ck";
        }
        return "SELECT\n  " + select + "\nFROM customers c LEFT JOIN metrics m ON m.ck = c.ck\n"
                + "WHERE c.ck IN (SELECT ck FROM (\n  " + membersSql.strip().replace("\n", "\n  ") + "\n))\n"
                + "ORDER BY " + orderBy + "\nLIMIT " + limit + " OFFSET " + offset;
    }
}
