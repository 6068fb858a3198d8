package org.segmint.persistence.importing;

import java.util.Map;

/**
 * The customer key of each imported row's customer id, looked up once per row (ten million times for a large
 * orders file). A {@code HashMap<String, Long>} of a million customers costs several reads of scattered memory a
 * lookup (table, entry, key, its characters, value); ids that are plain whole numbers, the usual case, are kept
 * again in an open-addressing table of primitives, where a lookup reads two arrays. Every other id is found in
 * the map, which holds all of them, so both give the same answer for every id.
 */
final class CustomerLookup {
    /** The longest id read as a number: 18 digits always fit in a {@code long}. */
    private static final int MAX_DIGITS = 18;

    private final Map<String, Long> byId;
    /** Slot to numeric id, and to customer key + 1 (0: empty slot). */
    private final long[] numbers;
    private final long[] keys;
    private final int mask;

    CustomerLookup(Map<String, Long> byId) {
        this.byId = byId;
        int capacity = Integer.highestOneBit(Math.max(16, byId.size() * 2 - 1)) << 1;
        numbers = new long[capacity];
        keys = new long[capacity];
        mask = capacity - 1;
        byId.forEach((id, ck) -> {
            long n = wholeNumber(id);
            if (n >= 0) {
                int slot = slot(n);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                numbers[slot] = n;
                keys[slot] = ck + 1;
            }
        });
    }

    /** The customer key of {@code id}, or null when no customer has it. */
    Long get(String id) {
        long n = wholeNumber(id);
        if (n < 0) {
            return byId.get(id);
        }
        for (int slot = slot(n); keys[slot] != 0; slot = (slot + 1) & mask) {
            if (numbers[slot] == n) {
                return keys[slot] - 1;
            }
        }
        return null;
    }

    private int slot(long n) {
        long h = n * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /**
     * The id as a number when it is written as one in its only form (digits, no sign, no leading zero, at most
     * {@value #MAX_DIGITS} digits), else -1: {@code 007} and {@code 7} are different ids, and only the second is
     * read as 7.
     */
    static long wholeNumber(String id) {
        int length = id.length();
        if (length == 0 || length > MAX_DIGITS || (id.charAt(0) == '0' && length > 1)) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            int digit = id.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            n = n * 10 + digit;
        }
        return n;
    }
}
