package org.tanglenode.storage;

import java.nio.file.Path;

/** A snapshot file that is damaged, truncated, of another format or for another network. */
public final class InvalidSnapshotException extends StorageException {

  private static final long serialVersionUID = 1L;

  InvalidSnapshotException(Path file, String what, Throwable cause) {
    super(
        "The snapshot "
            + file
            + " cannot be used: "
            + what
            + ". Nothing was imported. Fetch the file again or export a new one.",
        cause);
  }
}
