package org.segmint.model.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.roaringbitmap.RoaringBitmap;

/** Set operations, priority clusters and random splits against plain Java collections. */
class GroupSetProperties {

    @Property(tries = 200)
    void setOperationsEqualJavaSets(@ForAll("keys") Set<Integer> a, @ForAll("keys") Set<Integer> b) {
        Set<Integer> union = new TreeSet<>(a);
        union.addAll(b);
        Set<Integer> both = new TreeSet<>(a);
        both.retainAll(b);
        Set<Integer> difference = new TreeSet<>(a);
        difference.removeAll(b);
        assertEquals(union, set(SetOperation.UNION.apply(bitmap(a), bitmap(b))));
        assertEquals(both, set(SetOperation.INTERSECTION.apply(bitmap(a), bitmap(b))));
        assertEquals(difference, set(SetOperation.DIFFERENCE.apply(bitmap(a), bitmap(b))));
    }

    @Property(tries = 200)
    void clusterAssignsEachCustomerToTheFirstGroupHoldingThem(
            @ForAll @Size(max = 8) List<@Size(max = 60) Set<@IntRange(max = 80) Integer>> groups) {
        List<PriorityCluster.Member> members = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            members.add(new PriorityCluster.Member("g" + i, bitmap(groups.get(i))));
        }
        PriorityCluster.Result result = PriorityCluster.assign(members);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            Set<Integer> firstHere = new TreeSet<>();
            for (int key : groups.get(i)) {
                if (seen.add(key)) {
                    firstHere.add(key);
                }
            }
            PriorityCluster.Placed p = result.groups().get(i);
            assertEquals(groups.get(i).size(), p.customers());
            assertEquals(firstHere.size(), p.assigned());
            assertEquals(firstHere, set(p.assignedMembers()));
        }
        assertEquals(seen.size(), result.total());
    }

    @Property(tries = 300)
    void splitIsDisjointCoveringWithinOneOfItsShareAndRepeatable(
            @ForAll @Size(max = 400) Set<@IntRange(max = 100_000) Integer> keys,
            @ForAll("percents") List<BigDecimal> percents, @ForAll long seed, @ForAll boolean stratified) {
        List<String> ids = keys.stream().map(k -> "C" + k).toList();
        List<String> strata = stratified ? keys.stream().map(k -> k % 3 == 0 ? null : "s" + (k % 5)).toList() : null;
        int[] sizes = RandomSplit.percentSizes(ids.size(), percents);
        List<List<String>> parts = RandomSplit.split(ids, strata, sizes, seed);
        Set<String> all = new HashSet<>();
        for (int k = 0; k < parts.size(); k++) {
            double share = percents.get(k).doubleValue() * ids.size() / 100;
            assertTrue(Math.abs(parts.get(k).size() - share) < 1, "part " + k + " " + parts.get(k).size()
                    + " vs " + share);
            for (String id : parts.get(k)) {
                assertTrue(all.add(id), "in two parts: " + id);
            }
        }
        assertEquals(new HashSet<>(ids), all);
        List<String> shuffled = new ArrayList<>(ids);
        java.util.Collections.reverse(shuffled);
        List<String> shuffledStrata = strata == null ? null : new ArrayList<>(strata);
        if (shuffledStrata != null) {
            java.util.Collections.reverse(shuffledStrata);
        }
        assertEquals(parts, RandomSplit.split(shuffled, shuffledStrata, sizes, seed),
                "the same members in another order and the same seed give the same split");
    }

    @Property(tries = 100)
    void stratifiedSplitGivesEachPartTheSameMix(@ForAll @IntRange(min = 1, max = 500) int perStratum,
                                                @ForAll long seed) {
        List<String> ids = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        for (String s : List.of("F", "M", "X")) {
            int n = s.equals("X") ? perStratum / 3 : perStratum;
            for (int i = 0; i < n; i++) {
                ids.add(s + i);
                strata.add(s);
            }
        }
        int[] sizes = RandomSplit.evenSizes(ids.size(), 3);
        List<List<String>> parts = RandomSplit.split(ids, strata, sizes, seed);
        for (String s : List.of("F", "M", "X")) {
            long inStratum = strata.stream().filter(s::equals).count();
            for (List<String> part : parts) {
                long here = part.stream().filter(id -> id.startsWith(s)).count();
                assertTrue(Math.abs(here - inStratum / 3.0) <= 2, s + ": " + here + " of " + inStratum);
            }
        }
    }

    @Property(tries = 100)
    void evenSizesDifferByAtMostOne(@ForAll @IntRange(max = 10_000) int total, @ForAll @IntRange(min = 1, max = 20)
            int parts) {
        int[] sizes = RandomSplit.evenSizes(total, parts);
        assertEquals(total, java.util.Arrays.stream(sizes).sum());
        assertTrue(java.util.Arrays.stream(sizes).max().orElse(0) - java.util.Arrays.stream(sizes).min().orElse(0)
                <= 1);
    }

    @Provide
    Arbitrary<Set<Integer>> keys() {
        return Arbitraries.integers().between(0, 5_000).set().ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<BigDecimal>> percents() {
        return Arbitraries.integers().between(1, 6).flatMap(n -> Arbitraries.integers().between(1, 1000).list()
                .ofSize(n).map(weights -> {
                    int sum = weights.stream().mapToInt(Integer::intValue).sum();
                    List<BigDecimal> p = new ArrayList<>();
                    BigDecimal left = BigDecimal.valueOf(100);
                    for (int i = 0; i < n - 1; i++) {
                        BigDecimal share = BigDecimal.valueOf(weights.get(i) * 100L).divide(BigDecimal.valueOf(sum),
                                2, java.math.RoundingMode.DOWN);
                        p.add(share);
                        left = left.subtract(share);
                    }
                    p.add(left);
                    return p.stream().filter(x -> x.signum() > 0).count() == n ? p : List.of(BigDecimal.valueOf(100));
                }));
    }

    private static RoaringBitmap bitmap(Set<Integer> keys) {
        RoaringBitmap b = new RoaringBitmap();
        keys.forEach(b::add);
        return b;
    }

    private static Set<Integer> set(RoaringBitmap b) {
        Set<Integer> s = new TreeSet<>();
        b.forEach((org.roaringbitmap.IntConsumer) s::add);
        return s;
    }
}
