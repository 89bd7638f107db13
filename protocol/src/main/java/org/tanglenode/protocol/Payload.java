package org.tanglenode.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** What a transaction carries: data, a value transfer, or a milestone. */
public sealed interface Payload {

  enum Kind {
    DATA,
    TRANSFER,
    MILESTONE
  }

  Kind kind();

  /** The tag to index the transaction under, if it has one. */
  Optional<Tag> tag();

  /** Hashes and metadata: a document anchor, a trail event, a sensor reading. */
  record Data(Optional<Tag> tag, byte[] data) implements Payload {

    public Data {
      tag = tag == null ? Optional.empty() : tag;
      data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The data's length, without copying it. */
    public int size() {
      return data.length;
    }

    @Override
    public Kind kind() {
      return Kind.DATA;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data other && tag.equals(other.tag) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return tag.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Data[tag=" + tag.map(Tag::toString).orElse("") + ", " + data.length + " bytes]";
    }
  }

  /** Spends outputs and creates new ones. */
  record Transfer(List<OutputRef> inputs, List<Output> outputs, Optional<Tag> tag)
      implements Payload {

    public Transfer {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
      tag = tag == null ? Optional.empty() : tag;
    }

    @Override
    public Kind kind() {
      return Kind.TRANSFER;
    }
  }

  /**
   * Makes the past cone final once the committee signed it. Also what consensus expects the next
   * milestone to commit to: index, previous milestone, confirmed root, history root and size.
   */
  record Milestone(
      int index,
      Optional<TransactionId> previous,
      byte[] confirmedRoot,
      byte[] historyRoot,
      long historySize)
      implements Payload {

    public Milestone {
      previous = previous == null ? Optional.empty() : previous;
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
    public Kind kind() {
      return Kind.MILESTONE;
    }

    @Override
    public Optional<Tag> tag() {
      return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Milestone other
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
      return "Milestone[index="
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
}
