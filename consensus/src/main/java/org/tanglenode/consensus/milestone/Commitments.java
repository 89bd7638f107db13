package org.tanglenode.consensus.milestone;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.protocol.TransactionId;

/**
 * What a milestone must carry to be accepted at this point: its index, the previous milestone, the
 * root of its cone in white-flag order and the history tree's root and size after it.
 */
public record Commitments(
    int index,
    Optional<TransactionId> previous,
    byte[] confirmedRoot,
    byte[] historyRoot,
    long historySize) {

  public Commitments {
    Objects.requireNonNull(previous, "previous");
    if (index < 1) {
      throw new IllegalArgumentException("milestone indexes start at 1: " + index);
    }
    if ((index == 1) != previous.isEmpty()) {
      throw new IllegalArgumentException("only milestone 1 has no previous milestone");
    }
    if (confirmedRoot == null || confirmedRoot.length != 32) {
      throw new IllegalArgumentException("a confirmed root has 32 bytes");
    }
    if (historyRoot == null || historyRoot.length != 32) {
      throw new IllegalArgumentException("a history root has 32 bytes");
    }
    if (historySize < 0) {
      throw new IllegalArgumentException("a history size is not negative");
    }
    confirmedRoot = confirmedRoot.clone();
    historyRoot = historyRoot.clone();
  }

  @Override
  public byte[] confirmedRoot() {
    return confirmedRoot.clone();
  }

  @Override
  public byte[] historyRoot() {
    return historyRoot.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Commitments other
        && index == other.index
        && previous.equals(other.previous)
        && Arrays.equals(confirmedRoot, other.confirmedRoot)
        && Arrays.equals(historyRoot, other.historyRoot)
        && historySize == other.historySize;
  }

  @Override
  public int hashCode() {
    return index;
  }

  @Override
  public String toString() {
    HexFormat hex = HexFormat.of();
    return "Commitments[index="
        + index
        + ", confirmedRoot="
        + hex.formatHex(confirmedRoot)
        + ", historyRoot="
        + hex.formatHex(historyRoot)
        + ", historySize="
        + historySize
        + "]";
  }
}
