package org.segmint.persistence.engine;

/**
 * A compiled leaf condition: one uncorrelated query returning the {@code ck} of customers (never NULL),
 * and whether the condition's members are all customers <em>except</em> those.
 */
record Leaf(Sql query, boolean complement) {
}
