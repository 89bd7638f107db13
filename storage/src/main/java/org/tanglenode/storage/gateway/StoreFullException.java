package org.tanglenode.storage.gateway;

/**
 * The write queue is full: the caller should slow down (HTTP 503 with Retry-After; MQTT simply does
 * not acknowledge yet). Nothing of the refused readings was stored.
 */
public final class StoreFullException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreFullException(int capacity) {
    super("the gateway's write queue holds " + capacity + " groups of readings; try again later");
  }
}
