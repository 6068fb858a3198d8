package org.segmint.persistence.demo;

import java.util.SplittableRandom;

/** Draws an index with fixed integer weights in constant time (a lookup table over the weight total). */
final class Weights {
    private final int[] table;

    Weights(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        table = new int[total];
        int at = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < weights[i]; k++) {
                table[at++] = i;
            }
        }
    }

    int draw(SplittableRandom rng) {
        return table[rng.nextInt(table.length)];
    }
}
