package org.tanglenode.storage;

import java.nio.file.Path;

/** Another process, or another open store in this one, has the database folder open. */
public final class DatabaseLockedException extends StorageException {

  private static final long serialVersionUID = 1L;

  DatabaseLockedException(Path directory, Throwable cause) {
    super(
        "The database in "
            + directory
            + " is in use by another process (or is already open in this one): its LOCK file is"
            + " held. Stop the other node using this folder, or configure a different storage"
            + " folder. Nothing was changed.",
        cause);
  }
}
