package org.tanglenode.storage;

import java.nio.file.Path;

/** The database was written with another schema version than this node reads. */
public final class SchemaVersionMismatchException extends StorageException {

  private static final long serialVersionUID = 1L;
  private final int found;
  private final int expected;

  SchemaVersionMismatchException(Path directory, int found, int expected) {
    super(
        "The database in "
            + directory
            + " has schema version "
            + found
            + " but this node reads version "
            + expected
            + ". "
            + (found > expected
                ? "It was written by a newer node: run that version again, or start this one on"
                    + " an empty folder."
                : "It was written by an older node: export a snapshot with that version and import"
                    + " it into an empty folder, or start from an empty folder.")
            + " Nothing was changed.",
        null);
    this.found = found;
    this.expected = expected;
  }

  public int found() {
    return found;
  }

  public int expected() {
    return expected;
  }
}
