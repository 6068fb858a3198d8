package org.segmint.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import org.segmint.model.catalog.Catalog;
import org.segmint.persistence.workspace.AsOfSetting;
import org.segmint.persistence.workspace.Workspace;

/** What the status bar shows about the open workspace, read in the background. */
public record StatusInfo(String workspaceName, LocalDate asOf, AsOfSetting asOfSetting, long customers,
                         long orders, long fileBytes) {

    /** Reads the status of a workspace (background thread). */
    public static StatusInfo read(WorkspaceSession session) {
        return session.read(ws -> new StatusInfo(session.name(), ws.asOf(), ws.asOfSetting(),
                ws.rowCount(Catalog.CUSTOMERS), ws.rowCount(Catalog.ORDERS), fileSize(ws)));
    }

    private static long fileSize(Workspace ws) {
        try {
            Path f = ws.file();
            return Files.size(f);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** "As of 2011-12-09 (latest date in the data)". */
    public String asOfText() {
        String how;
        switch (asOfSetting.mode()) {
            case TODAY:
                how = "today";
                break;
            case FIXED:
                how = "fixed date";
                break;
            default:
                how = "latest date in the data";
                break;
        }
        return "As of " + asOf + " (" + how + ")";
    }

    /** "50,000 customers · 412,311 orders · 38.2 MB". */
    public String dataSizeText() {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.US);
        return n.format(customers) + " customers · " + n.format(orders) + " orders"
                + (fileBytes >= 0 ? " · " + bytes(fileBytes) : "");
    }

    public static String bytes(long b) {
        if (b < 1024 * 1024) {
            return String.format(Locale.US, "%.0f KB", b / 1024.0);
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.US, "%.1f MB", b / (1024.0 * 1024));
        }
        return String.format(Locale.US, "%.2f GB", b / (1024.0 * 1024 * 1024));
    }
}
