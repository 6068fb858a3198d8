package org.segmint.persistence.compare;

import java.util.List;

/**
 * "View SQL" of a comparison: each segment's members as a common table expression, then every size and pairwise
 * overlap, one statement that runs in the {@code sqlite3} shell. For reading only: Segmint intersects the members'
 * key sets in memory ({@code OverlapMatrix}), which gives the same numbers.
 */
public final class CompareSql {
    private CompareSql() {
    }

    /** @param membersSql each segment's members query (selecting {@code ck}), in the order compared */
    public static String of(List<String> names, List<String> membersSql) {
        StringBuilder sb = new StringBuilder("WITH\n");
        for (int i = 0; i < membersSql.size(); i++) {
            sb.append("  s").append(i + 1).append(" AS (SELECT ck FROM ( -- ").append(names.get(i).replace("\n", " "))
                    .append("\n    ").append(membersSql.get(i).strip().replace("\n", "\n    ")).append("\n  ))")
                    .append(i + 1 < membersSql.size() ? ",\n" : "\n");
        }
        sb.append("SELECT");
        String sep = "\n  ";
        for (int i = 1; i <= membersSql.size(); i++) {
            sb.append(sep).append("(SELECT count(*) FROM s").append(i).append(") AS size_").append(i);
            sep = ",\n  ";
        }
        for (int i = 1; i <= membersSql.size(); i++) {
            for (int j = i + 1; j <= membersSql.size(); j++) {
                sb.append(sep).append("(SELECT count(*) FROM s").append(i).append(" JOIN s").append(j)
                        .append(" USING (ck)) AS overlap_").append(i).append('_').append(j);
            }
        }
        return sb.toString();
    }
}
