package org.segmint.persistence.store;

/** A place that uses a saved object: a segment, a model, a smart group or a priority cluster, by name. */
public record Usage(Kind kind, String name) {

    public enum Kind {
        SEGMENT("segment"),
        MODEL("model"),
        SMART_GROUP("smart group"),
        CLUSTER("cluster");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "segment 'Lapsed fans'", as listed in messages. */
    public String describe() {
        return kind.label() + " '" + name + "'";
    }
}
