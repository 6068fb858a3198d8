package org.segmint.persistence.importing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rejects CSV of one import (UTF-8, header {@code line,reason,text}). It is written next to its
 * final place and moved there only when the import commits, so a failed or cancelled import leaves no
 * half-written rejects behind. Without a path, rejects are only counted.
 */
final class RejectsFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;

    RejectsFile(Path target) throws IOException {
        this.target = target;
        if (target == null) {
            temp = null;
            printer = null;
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").build());
        printer.printRecord("line", "reason", "text");
    }

    /** Adds one reject; called from the reading thread and the writing thread. */
    synchronized void add(long line, String reason, String text) throws IOException {
        if (printer != null) {
            printer.printRecord(line, reason, text);
        }
    }

    /** Moves the finished file into place; returns it (null without a path). */
    Path commit() throws IOException {
        if (printer == null) {
            return null;
        }
        printer.close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.close();
            Files.deleteIfExists(temp);
        }
    }
}
