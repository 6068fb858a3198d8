package org.segmint.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.segmint.persistence.engine.SegmentEngine;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;
import picocli.CommandLine.Option;

/** Base of commands that evaluate definitions: {@code --as-of DATE} and one engine over the saved segments. */
public abstract class EvaluatingCommand extends WorkspaceCommand {

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Resolve relative windows against this date (ISO, e.g. 2011-12-09); default: the"
                    + " workspace's as-of setting.")
    protected String asOfText;

    /** The as-of date from the option, or the workspace's. */
    protected LocalDate asOf(Workspace ws) {
        if (asOfText == null) {
            return ws.asOf();
        }
        try {
            return LocalDate.parse(asOfText.strip());
        } catch (DateTimeParseException e) {
            throw new WorkspaceException("--as-of: expected a date like 2025-06-30, not '" + asOfText + "'");
        }
    }

    /** Whether the command evaluates as of the workspace's own date (then it may record counts). */
    protected boolean isWorkspaceAsOf(Workspace ws, LocalDate asOf) {
        return asOfText == null || asOf.equals(ws.asOf());
    }

    protected static SegmentEngine engine(Workspace ws, SegmentStore store) {
        return new SegmentEngine(ws, store::definition);
    }
}
