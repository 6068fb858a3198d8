package org.segmint.app.insights;

import java.time.LocalDate;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.catalog.Field;
import org.segmint.model.hierarchy.HierarchyLevel;
import org.segmint.model.insight.RevenueTree;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.DateRange;
import org.segmint.model.task.Cancellation;
import org.segmint.persistence.insight.Breakdown;
import org.segmint.persistence.insight.CompareBy;
import org.segmint.persistence.members.SortOrder;

/**
 * What the Breakdown, Compare and Customers tabs ask of the open workspace. Every method may block: call them in
 * the background. Members come from the one engine, so every number equals the counts shown elsewhere.
 */
public interface InsightsServices {

    /** The workspace's as-of date. */
    LocalDate asOf();

    /** Attributes with one value per customer (customers, metrics, other customer-keyed tables). */
    List<Field> perCustomerFields();

    RoaringBitmap allCustomers();

    Breakdown breakdown(RoaringBitmap members, String field, CompareBy by, DateRange range, Cancellation cancel);

    /** {@code members} in the buckets of {@code like} (all customers beside a segment, bar for bar). */
    Breakdown breakdownAlike(Breakdown like, RoaringBitmap members, Cancellation cancel);

    /** View SQL of a breakdown chart over the members' query. */
    String breakdownSql(Breakdown breakdown, String membersSql);

    /** The names of the saved segments. */
    List<String> savedSegments();

    /** A saved segment's definition. */
    Condition savedDefinition(String name);

    RoaringBitmap members(Condition definition, Cancellation cancel);

    /** The readable SQL selecting a definition's members. */
    String viewSql(Condition definition);

    /** The revenue tree of the members' orders in the 12-month window. */
    RevenueTree revenueTree(RoaringBitmap members, Cancellation cancel);

    /** Customers, households, accounts...: the workspace's levels, customers first. */
    List<HierarchyLevel> levels();

    /** The members as units of a level (their parents' keys). */
    RoaringBitmap units(RoaringBitmap members, HierarchyLevel level);

    /** The members in table order: by customer key, or sorted on a column (null = key order). */
    int[] order(RoaringBitmap members, Field sort, SortOrder order, Cancellation cancel);

    /** The cells of one page of customers. */
    List<List<String>> rows(int[] cks, List<Field> columns);

    /** Saves a new segment. */
    void saveSegment(String name, Condition definition);

    /** Saves a new static group holding these customers (one transaction); returns its size. */
    long saveStaticGroup(String name, RoaringBitmap customers);
}
