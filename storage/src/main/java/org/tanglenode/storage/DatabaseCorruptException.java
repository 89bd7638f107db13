package org.tanglenode.storage;

import java.nio.file.Path;

/** The folder holds a damaged database, or files that are not a Tangle database at all. */
public final class DatabaseCorruptException extends StorageException {

  private static final long serialVersionUID = 1L;

  DatabaseCorruptException(Path directory, String what, Throwable cause) {
    super(
        "The database in "
            + directory
            + " is damaged or not a Tangle database: "
            + what
            + ". Nothing was changed. Restore the folder from a backup, or move it aside and start"
            + " from an empty folder (the node then syncs from its peers or from a snapshot).",
        cause);
  }
}
