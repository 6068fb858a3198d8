package org.segmint.persistence.importing;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmint.persistence.workspace.OutputFile;

/**
 * The rejects CSV of one import (UTF-8, header {@code line,reason,text}), written through {@link OutputFile}:
 * it is moved into place only when the import commits, so a failed or cancelled import leaves no
 * half-written rejects behind, and it can never replace the workspace or the file being imported.
 * Without a path, rejects are only counted.
 */
final class RejectsFile implements AutoCloseable {
    private final Path target;
    private final OutputFile out;
    private final CSVPrinter printer;

    RejectsFile(Path target) {
        this.target = target;
        if (target == null) {
            out = null;
            printer = null;
            return;
        }
        out = OutputFile.open(target);
        try {
            printer = new CSVPrinter(out.writer(), CSVFormat.RFC4180.builder().setRecordSeparator("\n").build());
            printer.printRecord("line", "reason", "text");
        } catch (IOException e) {
            out.close();
            throw OutputFile.failure(target, e);
        }
    }

    /** Adds one reject; called from the reading thread and the writing thread. */
    synchronized void add(long line, String reason, String text) {
        if (printer != null) {
            try {
                printer.printRecord(line, reason, text);
            } catch (IOException e) {
                throw OutputFile.failure(target, e);
            }
        }
    }

    /** Moves the finished file into place; returns it (null without a path). */
    Path commit() {
        if (printer == null) {
            return null;
        }
        try {
            printer.flush();
        } catch (IOException e) {
            throw OutputFile.failure(target, e);
        }
        return out.commit();
    }

    @Override
    public void close() {
        if (out != null) {
            out.close();
        }
    }
}
