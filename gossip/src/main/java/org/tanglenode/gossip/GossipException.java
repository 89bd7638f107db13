package org.tanglenode.gossip;

/** A fault of the gossip service itself: it cannot bind, a TLS file cannot be read. */
public final class GossipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GossipException(String message, Throwable cause) {
    super(message, cause);
  }

  public GossipException(String message) {
    super(message);
  }
}
