package org.tanglenode.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/**
 * Exactly what storage keeps and indexes of one transaction: its bytes as received and the fields
 * the indexes are built from. The caller has parsed and checked the transaction before.
 *
 * @param id the BLAKE2b-256 of {@code bytes} ({@link #of} computes it)
 * @param bytes the transaction exactly as received; stored and served unchanged
 * @param parents the approved transactions (0 to 8; genesis-like entries may have none)
 * @param tag the payload's tag, if it has one
 * @param timestampMs the issuer's timestamp, milliseconds since the epoch; orders a tag's trail
 * @param milestoneIndex the index if this transaction carries a milestone whose signatures have
 *     been checked
 */
public record StorableTransaction(
    TransactionId id,
    byte[] bytes,
    List<TransactionId> parents,
    Optional<Tag> tag,
    long timestampMs,
    OptionalInt milestoneIndex) {

  public static final int MAX_PARENTS = 8;

  public StorableTransaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(milestoneIndex, "milestoneIndex");
    parents = List.copyOf(parents);
    if (parents.size() > MAX_PARENTS) {
      throw new IllegalArgumentException(
          "a transaction has at most " + MAX_PARENTS + " parents, not " + parents.size());
    }
    if (timestampMs < 0) {
      throw new IllegalArgumentException("timestamp must not be negative: " + timestampMs);
    }
    if (milestoneIndex.isPresent() && milestoneIndex.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "milestone indexes start at 1, not " + milestoneIndex.getAsInt());
    }
    bytes = bytes.clone();
  }

  /** A transaction whose id is computed from {@code bytes}. */
  public static StorableTransaction of(
      byte[] bytes,
      List<TransactionId> parents,
      Optional<Tag> tag,
      long timestampMs,
      OptionalInt milestoneIndex) {
    return new StorableTransaction(
        TransactionId.of(bytes), bytes, parents, tag, timestampMs, milestoneIndex);
  }

  /**
   * What storage keeps of a decoded transaction. Call it for a transaction that passed validation
   * only: a milestone payload is indexed as the milestone of its index.
   */
  public static StorableTransaction from(Transaction transaction) {
    OptionalInt milestone =
        transaction.payload() instanceof Payload.Milestone m
            ? OptionalInt.of(m.index())
            : OptionalInt.empty();
    return new StorableTransaction(
        transaction.id(),
        transaction.bytes(),
        transaction.parents(),
        transaction.tag(),
        transaction.timestampMs(),
        milestone);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bytes without a copy, for the writer inside this package. */
  byte[] bytesUnsafe() {
    return bytes;
  }

  /** The distinct parents (a transaction lists each once, but storage does not rely on it). */
  List<TransactionId> distinctParents() {
    List<TransactionId> out = new ArrayList<>(parents.size());
    for (TransactionId parent : parents) {
      if (!out.contains(parent)) {
        out.add(parent);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorableTransaction other
        && id.equals(other.id)
        && java.util.Arrays.equals(bytes, other.bytes)
        && parents.equals(other.parents)
        && tag.equals(other.tag)
        && timestampMs == other.timestampMs
        && milestoneIndex.equals(other.milestoneIndex);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "StorableTransaction[" + id + ", " + bytes.length + " bytes]";
  }
}
