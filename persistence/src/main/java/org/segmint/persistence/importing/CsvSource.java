package org.segmint.persistence.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Reads a CSV file with given {@link CsvSettings} through Commons CSV. A UTF-8 byte-order mark is
 * skipped; UTF-8 is decoded strictly, so a file that is really Latin-1 fails with a clear message
 * instead of importing garbled text. Without a header row, columns are named {@code column_1}, ...
 */
final class CsvSource implements RowSource {
    private final Path file;
    private final CsvSettings settings;
    private final CountingStream counter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final CSVFormat format;
    private final long size;
    private SourceRow pending;

    private CsvSource(Path file, CsvSettings settings) throws IOException {
        this.file = file;
        this.settings = settings;
        this.size = Files.size(file);
        this.counter = new CountingStream(Files.newInputStream(file));
        this.format = settings.format();
        this.parser = CSVParser.parse(openReader(counter, settings), format);
        this.records = parser.iterator();
        SourceRow first = next();
        if (first == null) {
            columns = List.of();
        } else if (settings.header()) {
            columns = List.of(first.values());
        } else {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= first.values().length; i++) {
                names.add("column_" + i);
            }
            columns = List.copyOf(names);
            pending = first;
        }
    }

    static RowSource.Opener opener(Path file, CsvSettings settings) {
        return new RowSource.Opener() {
            @Override
            public RowSource open() throws IOException {
                return new CsvSource(file, settings);
            }

            @Override
            public String name() {
                return file.getFileName().toString();
            }
        };
    }

    /** A reader of {@code in} in the settings' encoding, past any UTF-8 byte-order mark. */
    static Reader openReader(InputStream in, CsvSettings settings) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(3);
        byte[] head = buffered.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
                && (head[2] & 0xff) == 0xBF;
        if (!bom || !settings.encoding().name().equals("UTF-8")) {
            buffered.reset();
        }
        CharsetDecoder decoder = settings.encoding().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(buffered, decoder);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public SourceRow next() throws IOException {
        if (pending != null) {
            SourceRow row = pending;
            pending = null;
            return row;
        }
        long before = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            return new SourceRow(before + 1, r.values());
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                throw new WorkspaceException(file.getFileName() + ": line " + (parser.getCurrentLineNumber() + 1)
                        + ": not valid " + settings.encoding().name() + " text; choose the encoding Latin-1", e);
            }
            throw new WorkspaceException(file.getFileName() + ": line " + (before + 1) + ": cannot read the CSV ("
                    + cause.getMessage() + ")", e);
        }
    }

    @Override
    public long position() {
        return counter.count;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String text(SourceRow row) {
        return format.format((Object[]) row.values());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
