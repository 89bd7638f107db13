package org.tanglenode.consensus.history;

import java.util.Arrays;
import java.util.HexFormat;

/** The root and size of the history tree at one moment, as a milestone carries them. */
public record HistoryState(byte[] root, long size) {

  public HistoryState {
    if (root == null || root.length != 32) {
      throw new IllegalArgumentException("a history root has 32 bytes");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a history size is not negative: " + size);
    }
    root = root.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryState other && size == other.size && Arrays.equals(root, other.root);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + Arrays.hashCode(root);
  }

  @Override
  public String toString() {
    return "HistoryState[size=" + size + ", root=" + HexFormat.of().formatHex(root) + "]";
  }
}
