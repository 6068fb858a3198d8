package org.segmint.model.waterfall;

import java.util.Objects;

/**
 * Something about a model's result the user should look at, in their words.
 *
 * @param kind    what is wrong
 * @param entry   index of the entry concerned, or -1 when the warning is about the whole model
 * @param message one line naming the entries concerned
 */
public record WaterfallWarning(Kind kind, int entry, String message) {

    /** The kinds of warning a model result can carry. */
    public enum Kind {
        /** An entry matches every customer and has entries below it, which therefore receive nobody. */
        TAKES_EVERYONE,
        /** An entry receives nobody: it matches nobody, or earlier entries took all its customers. */
        RECEIVES_NOBODY,
        /** Customers of this model also land in another stored model, so they would get several messages. */
        IN_SEVERAL_MODELS
    }

    public WaterfallWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
