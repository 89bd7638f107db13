package org.tanglenode.node.bench;

/** A benchmark run could not be carried out: a node did not start, answered wrongly, or died. */
public final class BenchFailedException extends RuntimeException {
  public BenchFailedException(String message) {
    super(message);
  }

  public BenchFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
