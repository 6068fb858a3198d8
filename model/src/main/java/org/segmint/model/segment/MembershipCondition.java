package org.segmint.model.segment;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** In (or not in) another saved segment, a static or smart group, or an uploaded list, by name. */
public record MembershipCondition(Kind kind, String name, boolean in) implements Condition {

    /** What the name refers to; the JSON {@code type} and the field that holds the name. */
    public enum Kind {
        SEGMENT("segment"),
        GROUP("group"),
        LIST("list");

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

    public MembershipCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(ConditionVisitor<R> visitor) {
        return visitor.visitMembership(this);
    }
}
