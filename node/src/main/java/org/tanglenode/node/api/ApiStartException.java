package org.tanglenode.node.api;

/** The API server could not start, typically because its port is taken. */
public final class ApiStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ApiStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
