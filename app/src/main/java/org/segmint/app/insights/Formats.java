package org.segmint.app.insights;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** How the insights write numbers: counts with separators, money compact, ratios with two decimals. */
final class Formats {
    private Formats() {
    }

    static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** 1234567.8 becomes "1.23M", 45210 becomes "45.2k", 812.4 becomes "812". */
    static String money(double value) {
        double abs = Math.abs(value);
        if (abs >= 1_000_000_000) {
            return decimal(value / 1_000_000_000, "0.00") + "B";
        }
        if (abs >= 1_000_000) {
            return decimal(value / 1_000_000, "0.00") + "M";
        }
        if (abs >= 10_000) {
            return decimal(value / 1_000, "0.0") + "k";
        }
        if (abs >= 100) {
            return decimal(value, "0");
        }
        return decimal(value, "0.00");
    }

    static String ratio(double value) {
        return decimal(value, "0.00");
    }

    static String percent(double share) {
        return decimal(share * 100, "0.0") + "%";
    }

    /** "+12%" / "−8%" against the baseline, or "" when there is no baseline. */
    static String change(Double change) {
        if (change == null) {
            return "";
        }
        long rounded = Math.round(change * 100);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "±") + Math.abs(rounded) + "% vs all";
    }

    private static String decimal(double value, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }
}
