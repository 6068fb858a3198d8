package org.segmint.model.group;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A reproducible random split of a group's members into parts of given sizes.
 *
 * <p>The recipe, so that the same seed and the same members give the same split on any machine: the members'
 * customer ids are sorted (by {@link String#compareTo}), shuffled by Fisher-Yates from the last position down
 * (swap position {@code i} with {@code random.nextInt(i + 1)}, {@code random = new java.util.Random(seed)}),
 * and the first {@code sizes[0]} go to the first part, the next {@code sizes[1]} to the second, and so on.
 *
 * <p>Stratified by an attribute, the shuffled ids are stably sorted by their attribute value (empty first) and
 * dealt out in that order: each next customer goes to the part, among those not yet full, that is furthest
 * behind its share so far ({@code size * dealt / total - taken}, the first part on ties). Every part gets exactly
 * its size and, within each attribute value, a share within about one customer of the requested one.
 */
public final class RandomSplit {
    private RandomSplit() {
    }

    /** Sizes of {@code parts} even parts of {@code total}: the first {@code total % parts} get one more. */
    public static int[] evenSizes(int total, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a split needs at least one part");
        }
        int[] sizes = new int[parts];
        for (int k = 0; k < parts; k++) {
            sizes[k] = total / parts + (k < total % parts ? 1 : 0);
        }
        return sizes;
    }

    /**
     * Sizes by percentages that sum to 100, by largest remainder: each part gets the whole part of its share and
     * the customers left over go one each to the parts with the largest fractions (earlier parts first on ties),
     * so every size is within one customer of its exact share.
     */
    public static int[] percentSizes(int total, List<BigDecimal> percents) {
        int n = percents.size();
        int[] sizes = new int[n];
        BigDecimal[] fractions = new BigDecimal[n];
        int given = 0;
        for (int k = 0; k < n; k++) {
            BigDecimal exact = percents.get(k).multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(100),
                    20, RoundingMode.HALF_EVEN);
            BigDecimal whole = exact.setScale(0, RoundingMode.FLOOR);
            sizes[k] = whole.intValueExact();
            fractions[k] = exact.subtract(whole);
            given += sizes[k];
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.<Integer, BigDecimal>comparing(k -> fractions[k]).reversed()
                .thenComparing(k -> k));
        for (int i = 0; given < total && i < n; i++, given++) {
            sizes[order[i]]++;
        }
        return sizes;
    }

    /**
     * Splits {@code ids} into parts of {@code sizes} (which sum to the number of ids).
     *
     * @param ids    the members' customer ids, each once, in any order
     * @param strata each member's attribute value (by id position; null or empty = empty), or null to not stratify
     */
    public static List<List<String>> split(List<String> ids, List<String> strata, int[] sizes, long seed) {
        int total = ids.size();
        if (Arrays.stream(sizes).sum() != total) {
            throw new IllegalArgumentException("the sizes of the parts must add up to the members");
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(ids::get));
        Random random = new Random(seed);
        for (int i = total - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<List<String>> parts = new ArrayList<>();
        for (int size : sizes) {
            parts.add(new ArrayList<>(size));
        }
        if (strata == null) {
            int at = 0;
            for (int k = 0; k < sizes.length; k++) {
                for (int i = 0; i < sizes[k]; i++) {
                    parts.get(k).add(ids.get(order[at++]));
                }
            }
            return parts;
        }
        Arrays.sort(order, Comparator.comparing(i -> stratum(strata.get(i))));
        int[] taken = new int[sizes.length];
        for (int t = 0; t < total; t++) {
            int best = -1;
            long bestBehind = Long.MIN_VALUE;
            for (int k = 0; k < sizes.length; k++) {
                if (taken[k] == sizes[k]) {
                    continue;
                }
                // size * (t + 1) / total - taken, scaled by total to stay in integers
                long behind = (long) sizes[k] * (t + 1) - (long) taken[k] * total;
                if (behind > bestBehind) {
                    best = k;
                    bestBehind = behind;
                }
            }
            taken[best]++;
            parts.get(best).add(ids.get(order[t]));
        }
        return parts;
    }

    private static String stratum(String value) {
        return value == null ? "" : value;
    }
}
