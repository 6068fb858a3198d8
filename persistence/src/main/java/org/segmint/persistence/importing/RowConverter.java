package org.segmint.persistence.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fields of one source row into the values of the plan's columns: checks the field count,
 * reads each value as its column's type, normalises the customer id and checks required values. A
 * row that fails is a reject, with the reason.
 */
final class RowConverter {
    private final ImportPlan plan;
    private final ValueReader[] readers;
    private final int[] sourceIndexes;
    private final int[] required;
    private final int customerIndex;

    RowConverter(ImportPlan plan) {
        this.plan = plan;
        int width = plan.columns.size();
        readers = new ValueReader[width];
        sourceIndexes = new int[width];
        List<Integer> req = new ArrayList<>();
        int customer = -1;
        for (int i = 0; i < width; i++) {
            ImportPlan.Column col = plan.columns.get(i);
            readers[i] = new ValueReader(col.type);
            sourceIndexes[i] = col.sourceIndex;
            if ("customer_id".equals(col.target)) {
                customer = i;
            }
            if (plan.requiredValues().contains(col.target)) {
                req.add(i);
            }
        }
        customerIndex = customer;
        required = req.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of customer_id among the values, or -1. */
    int customerIndex() {
        return customerIndex;
    }

    /** The values of the row in plan column order. */
    Object[] convert(RowSource.SourceRow row) throws RejectedRow {
        String[] fields = row.values();
        if (fields.length != plan.sourceWidth) {
            throw new RejectedRow("expected " + plan.sourceWidth + " fields, found " + fields.length);
        }
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            try {
                values[i] = readers[i].read(fields[sourceIndexes[i]]);
            } catch (ValueReader.BadValueException e) {
                throw new RejectedRow(plan.columns.get(i).sourceName + ": " + e.getMessage());
            }
        }
        if (customerIndex >= 0) {
            values[customerIndex] = CustomerIds.normalise((String) values[customerIndex]);
        }
        for (int i : required) {
            if (values[i] == null || values[i] instanceof String && ((String) values[i]).isBlank()) {
                ImportPlan.Column col = plan.columns.get(i);
                throw new RejectedRow(col.sourceName + ": " + col.target + " is empty");
            }
        }
        return values;
    }

    /** A row that cannot be imported; the message is the reason written to the rejects file. */
    static final class RejectedRow extends Exception {
        RejectedRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
