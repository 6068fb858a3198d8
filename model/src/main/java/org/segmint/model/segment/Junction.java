package org.segmint.model.segment;

/** How a group combines its children. The JSON names are {@code all} and {@code any}. */
public enum Junction {
    ALL("all"),
    ANY("any");

    private final String jsonName;

    Junction(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
