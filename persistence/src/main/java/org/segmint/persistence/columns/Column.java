package org.segmint.persistence.columns;

/**
 * The values of one attribute for every row of a table (or every customer key), held in memory. Text is
 * dictionary-encoded ({@link TextColumn}); numbers, yes/no values, dates and datetimes are doubles
 * ({@link NumberColumn}).
 */
public sealed interface Column permits TextColumn, NumberColumn {
    /** Values held (rows of a table, or customer keys 0..max). */
    int size();

    /** Approximate bytes held in memory. */
    long bytes();
}
