package org.segmint.persistence.columns;

/**
 * Text values as codes into a dictionary of the distinct texts; {@code -1} is NULL. An empty text {@code ''}
 * has a code of its own (it equals nothing but itself), so tests treat it as the empty value they see.
 */
public record TextColumn(int[] codes, String[] dictionary) implements Column {
    /** Code of NULL. */
    public static final int NULL = -1;

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public long bytes() {
        long text = 0;
        for (String s : dictionary) {
            text += 40 + 2L * s.length();
        }
        return 4L * codes.length + text;
    }

    /** The code of {@code text}, or {@link #NULL} when no row holds it. */
    public int code(String text) {
        for (int i = 0; i < dictionary.length; i++) {
            if (dictionary[i].equals(text)) {
                return i;
            }
        }
        return NULL;
    }
}
