package org.tanglenode.storage.gateway;

import java.util.Objects;

/** A stored reading: its arrival sequence number, leaf hash and canonical bytes. */
public record StoredReading(long sequence, Leaf leaf, byte[] canonical) {

  public StoredReading {
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence number is not negative");
    }
    Objects.requireNonNull(leaf, "leaf");
    canonical = canonical.clone();
  }

  @Override
  public byte[] canonical() {
    return canonical.clone();
  }
}
