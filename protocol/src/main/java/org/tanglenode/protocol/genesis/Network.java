package org.tanglenode.protocol.genesis;

import org.tanglenode.protocol.TransactionId;

/** A genesis together with the id derived from its file: what every other part is given. */
public record Network(Genesis genesis, NetworkId id) {

  public Network {
    if (genesis == null || id == null) {
      throw new IllegalArgumentException("a network needs its genesis and its id");
    }
  }

  /**
   * The id of the network's virtual root transaction: the network id itself. It is never stored or
   * sent; the first transactions of a network approve it, and every node treats it as solid and
   * confirmed from the start.
   */
  public TransactionId rootId() {
    return new TransactionId(id.bytes());
  }

  /** The value of the {@code network} field that every transaction of this network carries. */
  public long shortId() {
    return id.shortId();
  }
}
