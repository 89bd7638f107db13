package org.tanglenode.storage.gateway;

import java.util.Objects;

/** A reading to store: its leaf hash and its canonical bytes (checked by the caller). */
public record IncomingReading(Leaf leaf, byte[] canonical) {

  public IncomingReading {
    Objects.requireNonNull(leaf, "leaf");
    if (canonical == null || canonical.length == 0) {
      throw new IllegalArgumentException("a reading has bytes");
    }
    canonical = canonical.clone();
  }

  @Override
  public byte[] canonical() {
    return canonical.clone();
  }
}
