package org.tanglenode.protocol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Committee;

/** What a transaction carries: data, a value transfer, a milestone, or a trust update. */
public sealed interface Payload {

  enum Kind {
    DATA,
    TRANSFER,
    MILESTONE,
    TRUST_UPDATE
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

  /**
   * Changes the milestone committee and/or the issuer registry from {@code effectiveIndex} on.
   * Valid as a link of a trust chain only when cosigned by the committee in force before it
   * (docs/protocol.md, "Trust updates"). Nodes index it under {@link #TAG}, which the encoding does
   * not carry, so that the updates can be found again after a restart.
   *
   * @param sequence 1 for a network's first update, then the previous one's plus 1
   * @param effectiveIndex the first milestone index the change applies to
   * @param committee the committee from {@code effectiveIndex} on, or empty to keep it
   * @param issuers registry changes, sorted by key, each key once
   */
  record TrustUpdate(
      int sequence, int effectiveIndex, Optional<Committee> committee, List<IssuerChange> issuers)
      implements Payload {

    /** The tag nodes index trust updates under. */
    public static final Tag TAG = Tag.of("tangle.trust");

    /** Most issuer changes one update may carry. */
    public static final int MAX_ISSUER_CHANGES = 64;

    /** Most keys a committee may have: every one must fit as issuer or cosigner of a milestone. */
    public static final int MAX_COMMITTEE_KEYS = 64;

    public TrustUpdate {
      committee =
          committee == null
              ? Optional.empty()
              : committee.map(
                  c -> new Committee(c.keys().stream().sorted().toList(), c.threshold()));
      issuers = List.copyOf(issuers);
      if (sequence < 1) {
        throw new IllegalArgumentException("a trust update's sequence starts at 1: " + sequence);
      }
      if (effectiveIndex < 1) {
        throw new IllegalArgumentException("an effective index is 1 or more: " + effectiveIndex);
      }
      if (committee.isEmpty() && issuers.isEmpty()) {
        throw new IllegalArgumentException("a trust update changes the committee or an issuer");
      }
      if (committee.isPresent() && committee.get().keys().size() > MAX_COMMITTEE_KEYS) {
        throw new IllegalArgumentException(
            "a committee has at most " + MAX_COMMITTEE_KEYS + " keys");
      }
      if (issuers.size() > MAX_ISSUER_CHANGES) {
        throw new IllegalArgumentException(
            "a trust update has at most " + MAX_ISSUER_CHANGES + " issuer changes");
      }
      for (int i = 1; i < issuers.size(); i++) {
        if (issuers.get(i - 1).key().compareTo(issuers.get(i).key()) >= 0) {
          throw new IllegalArgumentException("issuer changes are sorted by key, each key once");
        }
      }
    }

    /** The change for {@code key}, if this update makes one. */
    public Optional<IssuerChange> issuer(Ed25519PublicKey key) {
      return issuers.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    @Override
    public Kind kind() {
      return Kind.TRUST_UPDATE;
    }

    @Override
    public Optional<Tag> tag() {
      return Optional.of(TAG);
    }
  }
}
