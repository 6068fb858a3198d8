package org.segmint.bench;

import java.sql.Connection;
import java.util.List;
import java.util.function.IntFunction;
import org.roaringbitmap.RoaringBitmap;

/**
 * A count: the members of one segment. Cold counts drop Segmint's caches before every run. Edit counts vary
 * the segment per run ({@code variant(run)} differs from every earlier variant in one condition) and keep the
 * caches, so Segmint recomputes only the changed condition; its caches are filled with variant -1 before the
 * warm-up. DuckDB has no such cache: it answers each variant with the whole query.
 *
 * <p>The answer is the member count and the sum of the members' keys; on the warm-up run every key is
 * compared.
 */
final class CountCase implements BenchCase<RoaringBitmap> {
    private final String name;
    private final String description;
    private final boolean edit;
    private final IntFunction<Segments.Segment> variant;

    private CountCase(String name, String description, boolean edit, IntFunction<Segments.Segment> variant) {
        this.name = name;
        this.description = description;
        this.edit = edit;
        this.variant = variant;
    }

    static CountCase cold(String name, String description, IntFunction<Segments.Segment> segment) {
        return new CountCase(name, description + " (cold)", false, segment);
    }

    static CountCase edit(String name, String description, IntFunction<Segments.Segment> variant) {
        return new CountCase(name, description, true, variant);
    }

    /** The segment counted in run {@code run}. */
    Segments.Segment segment(int run) {
        return variant.apply(run);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void prepare(SegmintSide segmint, int run) {
        if (!edit) {
            segmint.dropCaches();
        } else if (run == 0) {
            segmint.dropCaches();
            segmint.members(variant.apply(-1).definition());
        }
    }

    @Override
    public RoaringBitmap segmint(SegmintSide segmint, int run) {
        return segmint.members(variant.apply(run).definition());
    }

    @Override
    public Answer answer(RoaringBitmap members) {
        long keySum = 0;
        for (org.roaringbitmap.IntIterator it = members.getIntIterator(); it.hasNext(); ) {
            keySum += it.next();
        }
        return new Answer("customers").count("customers", members.getLongCardinality()).count("keySum", keySum);
    }

    @Override
    public Answer duckDb(Connection duck, int run) {
        Answer answer = new Answer("customers");
        Query.of("SELECT count(*), CAST(coalesce(sum(ck), 0) AS BIGINT) FROM (").add(variant.apply(run).members())
                .add(")").forEachRow(duck, rs -> answer.count("customers", rs.getLong(1))
                        .count("keySum", rs.getLong(2)));
        return answer;
    }

    @Override
    public List<String> exactCheck(RoaringBitmap members, Connection duck) {
        RoaringBitmap theirs = new RoaringBitmap();
        Query.of("SELECT ck FROM (").add(variant.apply(0).members()).add(")")
                .forEachRow(duck, rs -> theirs.add(rs.getInt(1)));
        if (theirs.equals(members)) {
            return List.of();
        }
        RoaringBitmap onlySegmint = RoaringBitmap.andNot(members, theirs);
        RoaringBitmap onlyDuckDb = RoaringBitmap.andNot(theirs, members);
        return List.of("members: " + onlySegmint.getCardinality() + " only in Segmint's (first "
                + first(onlySegmint) + "), " + onlyDuckDb.getCardinality() + " only in DuckDB's (first "
                + first(onlyDuckDb) + ")");
    }

    private static String first(RoaringBitmap set) {
        return set.isEmpty() ? "none" : "ck " + set.first();
    }
}
