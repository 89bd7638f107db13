package org.tanglenode.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Tokens locked to {@code threshold} of {@code addresses} (each the 32-byte hash of an Ed25519
 * public key), not spendable before {@code timelockMs} when that is above 0.
 */
public record Output(long amount, List<byte[]> addresses, int threshold, long timelockMs) {

  public Output {
    if (amount <= 0) {
      throw new IllegalArgumentException("an output's amount is positive");
    }
    List<byte[]> copies = new ArrayList<>(addresses.size());
    for (byte[] address : addresses) {
      if (address.length != 32) {
        throw new IllegalArgumentException("an address has 32 bytes");
      }
      copies.add(address.clone());
    }
    addresses = List.copyOf(copies);
    if (threshold < 1 || threshold > addresses.size()) {
      throw new IllegalArgumentException("threshold must be between 1 and the number of addresses");
    }
  }

  @Override
  public List<byte[]> addresses() {
    return addresses.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Output other)
        || amount != other.amount
        || threshold != other.threshold
        || timelockMs != other.timelockMs
        || addresses.size() != other.addresses.size()) {
      return false;
    }
    for (int i = 0; i < addresses.size(); i++) {
      if (!Arrays.equals(addresses.get(i), other.addresses.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(amount) * 31 + threshold;
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "Output[amount="
        + amount
        + ", addresses="
        + addresses.stream().map(hex::formatHex).toList()
        + ", threshold="
        + threshold
        + ", timelockMs="
        + timelockMs
        + "]";
  }
}
