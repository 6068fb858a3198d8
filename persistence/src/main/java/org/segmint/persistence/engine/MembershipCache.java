package org.segmint.persistence.engine;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.segment.Condition;

/**
 * The members of leaf conditions, least recently used first out, bounded by entries and by bytes.
 * Entries are keyed by the condition record itself (value equality), the as-of date and the data
 * version, so a stale entry is never returned after an import; it simply ages out. Cached bitmaps are
 * never modified: callers combine copies.
 */
final class MembershipCache {
    record Key(Condition condition, LocalDate asOf, long dataVersion) {
    }

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<Key, RoaringBitmap> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    MembershipCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    synchronized RoaringBitmap get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, RoaringBitmap members) {
        RoaringBitmap old = entries.put(key, members);
        if (old != null) {
            bytes -= old.getSizeInBytes();
        }
        bytes += members.getSizeInBytes();
        Iterator<Map.Entry<Key, RoaringBitmap>> it = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
            Map.Entry<Key, RoaringBitmap> eldest = it.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            bytes -= eldest.getValue().getSizeInBytes();
            it.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized int size() {
        return entries.size();
    }
}
