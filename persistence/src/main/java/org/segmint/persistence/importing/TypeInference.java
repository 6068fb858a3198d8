package org.segmint.persistence.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.Progress;

/**
 * The first pass of an import: reads the source to give every column without a known type its type,
 * and every date column without a layout its layout. New columns are read to the end (a single value
 * that fits no narrower type makes the column text); date layouts of fixed columns stop being read as
 * soon as one layout is left. Nothing is read when every type is known.
 */
final class TypeInference {
    private TypeInference() {
    }

    static void run(ImportPlan plan, RowSource.Opener opener, Progress progress, Cancellation cancel)
            throws IOException {
        List<ImportPlan.Column> open = new ArrayList<>();
        List<ColumnGuess> guesses = new ArrayList<>();
        for (ImportPlan.Column c : plan.columns) {
            if (c.needsGuess()) {
                open.add(c);
                guesses.add(new ColumnGuess(c.type != null));
            }
        }
        if (open.isEmpty()) {
            return;
        }
        try (RowSource source = opener.open()) {
            RowSource.SourceRow row;
            long n = 0;
            while ((row = source.next()) != null) {
                if (row.values().length == plan.sourceWidth) {
                    for (int i = 0; i < open.size(); i++) {
                        guesses.get(i).offer(row.values()[open.get(i).sourceIndex]);
                    }
                }
                if (++n % 8192 == 0) {
                    cancel.throwIfCancelled();
                    progress.update(source.position(), source.size(), "Reading column types: row " + n);
                    if (guesses.stream().allMatch(ColumnGuess::settled)) {
                        break;
                    }
                }
            }
        }
        for (int i = 0; i < open.size(); i++) {
            ImportPlan.Column c = open.get(i);
            ColumnGuess g = guesses.get(i);
            if (c.type == null) {
                c.type = g.type();
            } else {
                TemporalFormat layout = g.layout();
                c.type = new ColumnType(c.type.type(), layout);
            }
        }
    }
}
