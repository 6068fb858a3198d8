package org.segmint.persistence.insight;

import java.time.YearMonth;

/** Revenue of one calendar month (the as-of month counts up to the as-of date). */
public record MonthRevenue(YearMonth month, double revenue) {
}
