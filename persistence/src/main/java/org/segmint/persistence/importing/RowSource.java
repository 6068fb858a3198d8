package org.segmint.persistence.importing;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of one import source (a CSV file or a table of another SQLite database), read once, in order. */
interface RowSource extends Closeable {

    /** The source's column names, as the user sees them (the header of a CSV file). */
    List<String> columns();

    /** The next row, or null at the end. */
    SourceRow next() throws IOException;

    /** How far reading has got, in {@link #size()} units (bytes of a file, rows of a table). */
    long position();

    /** The total in {@link #position()} units, or -1 when unknown. */
    long size();

    /** The row as it could be written back into the source, for the rejects file. */
    String text(SourceRow row);

    /**
     * One row: where it starts (the line number in a file, the row number in a table) and its
     * field values.
     */
    record SourceRow(long line, String[] values) {
    }

    /** Something that can be read, any number of times: inference reads it before the import does. */
    interface Opener {
        RowSource open() throws IOException;

        /** The source for messages: a file name, or {@code db.sqlite#Table}. */
        String name();
    }
}
