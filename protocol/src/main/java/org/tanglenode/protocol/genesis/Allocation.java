package org.tanglenode.protocol.genesis;

import java.util.Arrays;
import java.util.HexFormat;

/** Tokens the genesis gives to one address (the 32-byte hash of an Ed25519 public key). */
public record Allocation(byte[] address, long amount) {

  public Allocation {
    if (address == null || address.length != 32) {
      throw new IllegalArgumentException("allocations: an address has 32 bytes");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("allocations: amount must be positive, not " + amount);
    }
    address = address.clone();
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Allocation other
        && amount == other.amount
        && Arrays.equals(address, other.address);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(address) * 31 + Long.hashCode(amount);
  }

  @Override
  public String toString() {
    return "Allocation[" + HexFormat.of().formatHex(address) + "=" + amount + "]";
  }
}
