package org.tanglenode.storage;

/** The store was used before {@code start()} or after {@code close()}: a bug of the caller. */
public final class StorageClosedException extends StorageException {

  private static final long serialVersionUID = 1L;

  StorageClosedException(String message) {
    super(message);
  }
}
