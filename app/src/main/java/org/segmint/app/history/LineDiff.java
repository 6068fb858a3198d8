package org.segmint.app.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts side by side, line against line: lines both have face each other, a run of lines only the left has
 * faces a run only the right has (changed), and the rest face a gap. Lines are matched by a longest common
 * subsequence, so a condition added in the middle does not make every line after it look changed.
 */
public final class LineDiff {
    /** How a row of the side-by-side view differs. */
    public enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /** One row: the left line and the right line (null where that side has none). */
    public record Row(String left, String right, Kind kind) {
    }

    private LineDiff() {
    }

    static List<Row> of(List<String> left, List<String> right) {
        int n = left.size();
        int m = right.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = left.get(i).equals(right.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && left.get(i).equals(right.get(j))) {
                flush(rows, removed, added);
                rows.add(new Row(left.get(i), right.get(j), Kind.SAME));
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                added.add(right.get(j++));
            } else {
                removed.add(left.get(i++));
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    /** Pairs a run of removed lines with the run of added lines after it: those are changed lines. */
    private static void flush(List<Row> rows, List<String> removed, List<String> added) {
        int pairs = Math.min(removed.size(), added.size());
        for (int k = 0; k < pairs; k++) {
            rows.add(new Row(removed.get(k), added.get(k), Kind.CHANGED));
        }
        for (int k = pairs; k < removed.size(); k++) {
            rows.add(new Row(removed.get(k), null, Kind.REMOVED));
        }
        for (int k = pairs; k < added.size(); k++) {
            rows.add(new Row(null, added.get(k), Kind.ADDED));
        }
        removed.clear();
        added.clear();
    }
}
