package org.segmint.persistence.columns;

import org.roaringbitmap.RoaringBitmap;

/**
 * The customer keys of the workspace: every column indexed by customer key has {@link #size()} entries
 * (the largest key plus one).
 */
public record CustomerKeys(int size, RoaringBitmap all) {
}
