package org.segmint.persistence.group;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch operation on the data of a group's members: set one customer attribute to a value, add or remove a
 * tag, or record an event. {@code target} is the column, the tag or the event type; {@code value} the value
 * typed by the user (attribute only; empty clears it).
 */
public record BatchOperation(Kind kind, String target, String value) {

    /** The kinds of batch operation, named as on the command line. */
    public enum Kind {
        ATTRIBUTE("attribute"),
        TAG_ADD("tag-add"),
        TAG_REMOVE("tag-remove"),
        EVENT("event");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }

        public static Optional<Kind> fromJson(String name) {
            return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
        }
    }

    public BatchOperation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    public static BatchOperation attribute(String column, String value) {
        return new BatchOperation(Kind.ATTRIBUTE, column, value == null ? "" : value);
    }

    public static BatchOperation tagAdd(String tag) {
        return new BatchOperation(Kind.TAG_ADD, tag, null);
    }

    public static BatchOperation tagRemove(String tag) {
        return new BatchOperation(Kind.TAG_REMOVE, tag, null);
    }

    public static BatchOperation event(String eventType) {
        return new BatchOperation(Kind.EVENT, eventType, null);
    }

    /** "set loyalty_tier = 'gold'", "add tag 'vip'", "remove tag 'vip'", "record event 'called'". */
    public String describe() {
        switch (kind) {
            case ATTRIBUTE:
                return value.isEmpty() ? "clear " + target : "set " + target + " = '" + value + "'";
            case TAG_ADD:
                return "add tag '" + target + "'";
            case TAG_REMOVE:
                return "remove tag '" + target + "'";
            default:
                return "record event '" + target + "'";
        }
    }
}
