package org.segmint.persistence.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.segmint.model.task.CancelledException;

/**
 * Runs the demo's insert batches on a second thread, in the order they are handed over, so that generating rows
 * (the calling thread) and inserting them (SQLite) run on two cores. Only this thread touches the connection
 * between {@link #insert} and {@link #close}; a failure here is rethrown to the generating thread at its next
 * hand-over or at close.
 */
final class InsertThread implements AutoCloseable {
    /** Work for the insert thread. */
    interface Job {
        void run() throws SQLException;
    }

    private static final Job END = () -> { };

    private final Connection connection;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile Throwable failure;

    InsertThread(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::runJobs, "segmint-demo-insert");
        thread.setDaemon(true);
        thread.start();
    }

    /** A batched INSERT into {@code table} whose batches run on this thread. */
    BatchInsert insert(String table, List<String> columns) throws SQLException {
        return new BatchInsert(connection, table, columns, this);
    }

    /** Queues a job; waits while the queue is full. */
    void submit(Job job) throws SQLException {
        rethrow();
        try {
            queue.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Runs jobs until the end marker; after a failure it only drains the queue, so no producer waits forever. */
    private void runJobs() {
        while (true) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                failure = new CancelledException();
                return;
            }
            if (job == END) {
                return;
            }
            if (failure == null) {
                try {
                    job.run();
                } catch (Throwable t) {
                    failure = t;
                }
            }
        }
    }

    private void rethrow() throws SQLException {
        Throwable t = failure;
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    /** Waits until every queued batch ran; rethrows the first failure. */
    @Override
    public void close() throws SQLException {
        if (thread.isAlive()) {
            try {
                queue.put(END);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
        rethrow();
    }
}
