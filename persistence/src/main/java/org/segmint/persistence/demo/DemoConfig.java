package org.segmint.persistence.demo;

import java.time.LocalDate;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * What to generate: how many customers, the seed, and the last day of the generated history. The end
 * date is fixed (never the clock) so that the same configuration always gives the same data.
 */
public record DemoConfig(int customers, long seed, LocalDate endDate) {
    /** The size of the workspace opened on first launch. */
    public static final int DEFAULT_CUSTOMERS = 50_000;
    public static final long DEFAULT_SEED = 42;
    /** The last day of the demo history; windows such as "last 30 days" end here when as-of is "latest". */
    public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 10, 31);
    public static final int MAX_CUSTOMERS = 10_000_000;

    public DemoConfig {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new WorkspaceException("--customers must be between 1 and " + MAX_CUSTOMERS + ", not " + customers);
        }
        if (endDate == null) {
            endDate = DEFAULT_END_DATE;
        }
    }

    public static DemoConfig of(int customers, long seed) {
        return new DemoConfig(customers, seed, DEFAULT_END_DATE);
    }
}
