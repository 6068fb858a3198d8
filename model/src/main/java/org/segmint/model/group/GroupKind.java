package org.segmint.model.group;

import java.util.Arrays;
import java.util.Optional;

/** A static group holds the customers put into it; a smart group holds its definition's members as of its last run. */
public enum GroupKind {
    STATIC("static"),
    SMART("smart");

    private final String jsonName;

    GroupKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the workspace, in JSON and on the command line. */
    public String jsonName() {
        return jsonName;
    }

    public static Optional<GroupKind> fromJson(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
}
