package org.segmint.persistence.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.segmint.model.task.Cancellation;
import org.segmint.model.task.CancelledException;

/**
 * Reads and converts source rows on a second thread while the importing thread writes to SQLite, so
 * that parsing and inserting run on two cores. Rows that do not convert are written to the rejects
 * file here. The importing thread takes batches with {@link #next()}; a failure of the reader is
 * rethrown there. Closing stops the reader.
 */
final class ReadAhead implements AutoCloseable {
    private static final int BATCH = 2048;
    private static final List<Item> END = List.of();

    /** One converted row, where it came from and its customer key ({@link KeyLookup}; null without one). */
    record Item(RowSource.SourceRow row, Object[] values, Long ck) {
    }

    /**
     * Work on each converted row that can run beside the inserts rather than on the importing thread, in the
     * order the rows will be written: finding the row's customer key (and whatever goes with it).
     */
    @FunctionalInterface
    interface KeyLookup {
        Long keyOf(Object[] values);
    }

    private static final KeyLookup NO_KEYS = values -> null;

    private final RowSource source;
    private final RowConverter converter;
    private final RejectsFile rejects;
    private final Cancellation cancel;
    private final KeyLookup keys;
    private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile long rejected;
    private volatile long read;

    ReadAhead(RowSource source, RowConverter converter, RejectsFile rejects, Cancellation cancel) {
        this(source, converter, rejects, cancel, NO_KEYS);
    }

    ReadAhead(RowSource source, RowConverter converter, RejectsFile rejects, Cancellation cancel, KeyLookup keys) {
        this.keys = keys;
        this.source = source;
        this.converter = converter;
        this.rejects = rejects;
        this.cancel = cancel;
        this.thread = new Thread(this::readAll, "segmint-import-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch of converted rows, or null at the end of the source. */
    List<Item> next() throws IOException {
        try {
            while (true) {
                List<Item> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == END) {
                    rethrow();
                    return null;
                }
                if (batch != null) {
                    return batch;
                }
                rethrow();
                cancel.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Rows read so far (converted or rejected). */
    long read() {
        return read;
    }

    /** Rows rejected by conversion so far. */
    long rejected() {
        return rejected;
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException) {
            throw (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    private void readAll() {
        try {
            List<Item> batch = new ArrayList<>(BATCH);
            RowSource.SourceRow row;
            while (!stopped && (row = source.next()) != null) {
                read++;
                Object[] values;
                try {
                    values = converter.convert(row);
                } catch (RowConverter.RejectedRow e) {
                    rejected++;
                    rejects.add(row.line(), e.getMessage(), source.text(row));
                    continue;
                }
                batch.add(new Item(row, values, keys.keyOf(values)));
                if (batch.size() == BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                put(batch);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            try {
                put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(List<Item> batch) throws InterruptedException {
        while (!stopped) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
