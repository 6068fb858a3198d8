package org.segmint.persistence.store;

/** The rule every saved object's name follows: one line of visible text, trimmed, 1 to 200 characters. */
public final class Names {
    private Names() {
    }

    /**
     * The trimmed name, or a {@link org.segmint.persistence.workspace.WorkspaceException} saying what is wrong.
     *
     * @param what "Group", "Cluster", ... (starts the message)
     */
    public static String check(String name, String what) {
        return Sql.checkName(name, what);
    }

    /** The text with control characters made visible, for messages. */
    public static String printable(String text) {
        return Sql.printable(text);
    }
}
