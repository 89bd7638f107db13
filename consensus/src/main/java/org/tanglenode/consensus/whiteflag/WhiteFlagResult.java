package org.tanglenode.consensus.whiteflag;

import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/** What a white-flag walk found: the ordered cone, or a transaction that is missing. */
public sealed interface WhiteFlagResult {

  /** For a switch over the results. */
  enum Code {
    /** Every transaction of the cone is known; the order and its root are given. */
    ORDERED,
    /** A transaction of the cone is not known here: the cone is not solid yet. */
    INCOMPLETE
  }

  Code code();

  /**
   * The transactions the milestone newly confirms, in white-flag order, and the Merkle root over
   * their ids.
   */
  record Ordered(List<TransactionId> ids, byte[] confirmedRoot) implements WhiteFlagResult {
    public Ordered {
      ids = List.copyOf(ids);
      Objects.requireNonNull(confirmedRoot, "confirmedRoot");
      if (confirmedRoot.length != 32) {
        throw new IllegalArgumentException("a confirmed root has 32 bytes");
      }
      confirmedRoot = confirmedRoot.clone();
    }

    @Override
    public byte[] confirmedRoot() {
      return confirmedRoot.clone();
    }

    @Override
    public Code code() {
      return Code.ORDERED;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ordered other
          && ids.equals(other.ids)
          && java.util.Arrays.equals(confirmedRoot, other.confirmedRoot);
    }

    @Override
    public int hashCode() {
      return ids.hashCode();
    }

    @Override
    public String toString() {
      return "Ordered["
          + ids.size()
          + " ids, root "
          + java.util.HexFormat.of().formatHex(confirmedRoot)
          + "]";
    }
  }

  /** The walk reached {@code missing}, which is not known here. */
  record Incomplete(TransactionId missing) implements WhiteFlagResult {
    public Incomplete {
      Objects.requireNonNull(missing, "missing");
    }

    @Override
    public Code code() {
      return Code.INCOMPLETE;
    }
  }
}
