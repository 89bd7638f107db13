package org.tanglenode.protocol.genesis;

/** A genesis together with the id derived from its file: what every other part is given. */
public record Network(Genesis genesis, NetworkId id) {

  public Network {
    if (genesis == null || id == null) {
      throw new IllegalArgumentException("a network needs its genesis and its id");
    }
  }

  /** The value of the {@code network} field that every transaction of this network carries. */
  public long shortId() {
    return id.shortId();
  }
}
