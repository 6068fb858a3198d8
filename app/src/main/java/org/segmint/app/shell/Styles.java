package org.segmint.app.shell;

/**
 * Style classes of {@code segmint.css}. Views use these constants, never raw strings, so a renamed class
 * is a compile error rather than a silently unstyled control.
 */
public final class Styles {
    // Layout //
    public static final String ROOT = "sg-root";
    public static final String NAV = "sg-nav";
    public static final String NAV_BUTTON = "sg-nav-button";
    public static final String NAV_TITLE = "sg-nav-title";
    public static final String CONTENT = "sg-content";
    public static final String PAGE = "sg-page";
    public static final String PAGE_HEADER = "sg-page-header";
    public static final String TOOLBAR = "sg-toolbar";
    public static final String STATUS_BAR = "sg-status-bar";
    public static final String STATUS_ITEM = "sg-status-item";
    public static final String CARD = "sg-card";
    public static final String SECTION = "sg-section";

    // Text //
    public static final String TITLE = "sg-title";
    public static final String SUBTITLE = "sg-subtitle";
    public static final String MUTED = "sg-muted";
    public static final String SMALL = "sg-small";
    public static final String NUMBER = "sg-number";
    public static final String BIG_NUMBER = "sg-big-number";
    public static final String ERROR_TEXT = "sg-error-text";
    public static final String WARNING_TEXT = "sg-warning-text";
    public static final String SUCCESS_TEXT = "sg-success-text";

    // Controls //
    public static final String ACCENT = "sg-accent";
    public static final String DANGER = "sg-danger";
    public static final String FLAT = "sg-flat";
    public static final String ICON = "sg-icon";
    public static final String SEARCH = "sg-search";
    public static final String EMPTY_STATE = "sg-empty-state";
    public static final String BADGE = "sg-badge";
    public static final String PIN = "sg-pin";
    public static final String STATUS_DRAFT = "sg-status-draft";
    public static final String STATUS_ACTIVE = "sg-status-active";
    public static final String STATUS_ARCHIVED = "sg-status-archived";
    public static final String PINNED_ROW = "sg-pinned-row";
    public static final String INVALID = "sg-invalid";
    public static final String START_VIEW = "sg-start";
    public static final String RECENT_LIST = "sg-recent-list";
    public static final String DIALOG = "sg-dialog";
    /** A table whose cells keep little padding (many columns in half a window). */
    public static final String COMPACT_TABLE = "sg-compact-table";

    // Side-by-side comparison of two texts (segment history) //
    public static final String DIFF = "sg-diff";
    public static final String DIFF_SAME = "sg-diff-same";
    public static final String DIFF_CHANGED = "sg-diff-changed";
    public static final String DIFF_REMOVED = "sg-diff-removed";
    public static final String DIFF_ADDED = "sg-diff-added";
    public static final String DIFF_GAP = "sg-diff-gap";

    // Charts: series colours are -sg-chart-1 .. -sg-chart-6 //
    public static final String CHART = "sg-chart";

    private Styles() {
    }
}
