package org.segmint.app.editor;

import java.util.Optional;
import javafx.stage.Window;

/** Uploads a CSV file as a list from the "In uploaded list" condition; the page provides it. */
@FunctionalInterface
public interface ListUploader {

    /** Asks for a file and uploads it; the new list's name, or empty when the user cancelled. */
    Optional<String> upload(Window owner);
}
