package org.tanglenode.node;

/**
 * The node cannot start: an unreadable genesis or key file, a data folder in use by another node, a
 * port taken. The message says what to do and is shown to the operator as it is.
 */
public final class NodeStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
