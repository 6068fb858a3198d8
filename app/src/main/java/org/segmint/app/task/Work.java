package org.segmint.app.task;

/** A piece of background work producing a value (or {@code null}). */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
