package org.segmint.persistence.workspace;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a workspace resolves relative windows: against today, the latest date in the data (the
 * default, right for historical data sets), or a fixed date.
 */
public record AsOfSetting(Mode mode, LocalDate fixedDate) {

    public enum Mode { TODAY, LATEST, FIXED }

    public static final AsOfSetting LATEST_IN_DATA = new AsOfSetting(Mode.LATEST, null);

    public AsOfSetting {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.FIXED) {
            Objects.requireNonNull(fixedDate, "fixedDate");
        }
    }

    /** "latest", "today" or an ISO date, as stored and as typed on the command line. */
    public String text() {
        return mode == Mode.FIXED ? fixedDate.toString() : mode.name().toLowerCase();
    }

    public static AsOfSetting parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("latest")) {
            return LATEST_IN_DATA;
        }
        if (text.equalsIgnoreCase("today")) {
            return new AsOfSetting(Mode.TODAY, null);
        }
        try {
            return new AsOfSetting(Mode.FIXED, LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            throw new WorkspaceException("As-of must be 'today', 'latest' or a date like 2025-06-30, not '" + text + "'");
        }
    }
}
