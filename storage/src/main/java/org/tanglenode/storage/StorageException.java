package org.tanglenode.storage;

/**
 * A fault of the database or the disk. {@link #retryable()} says whether trying again later can
 * help (a busy or full disk may clear; corruption will not).
 */
public class StorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final boolean retryable;

  public StorageException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  public StorageException(String message) {
    this(message, null, false);
  }

  public boolean retryable() {
    return retryable;
  }
}
