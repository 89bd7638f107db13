package org.tanglenode.node.cli;

/** The node's API did not answer: not running, wrong address, or a network problem (exit 3). */
final class NodeUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NodeUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
