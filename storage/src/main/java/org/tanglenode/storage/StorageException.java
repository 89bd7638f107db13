package org.tanglenode.storage;

/** A fault of the database or the disk. */
public class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    this(message, null);
  }
}
