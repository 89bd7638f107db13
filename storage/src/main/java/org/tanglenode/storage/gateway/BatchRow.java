package org.tanglenode.storage.gateway;

import java.util.Objects;

/**
 * A closed batch: the readings with sequence numbers {@code firstSequence} to {@code firstSequence
 * + count - 1}, its Merkle root, the signed transaction that anchors it (its bytes exactly as sent,
 * so a re-submission after a restart sends the same transaction), its state and, once confirmed,
 * the confirming milestone (0 before).
 */
public record BatchRow(
    long firstSequence,
    int count,
    byte[] root,
    long closedAtMillis,
    BatchState state,
    int milestone,
    byte[] transaction) {

  public BatchRow {
    if (firstSequence < 0 || count < 1) {
      throw new IllegalArgumentException("a batch holds at least one reading");
    }
    if (root == null || root.length != 32) {
      throw new IllegalArgumentException("a batch root has 32 bytes");
    }
    Objects.requireNonNull(state, "state");
    if (milestone < 0) {
      throw new IllegalArgumentException("a milestone index is not negative");
    }
    if (transaction == null || transaction.length == 0) {
      throw new IllegalArgumentException("a batch has its transaction");
    }
    root = root.clone();
    transaction = transaction.clone();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public byte[] transaction() {
    return transaction.clone();
  }

  /** The sequence number after the batch's last reading. */
  public long endSequence() {
    return firstSequence + count;
  }

  public boolean holds(long sequence) {
    return sequence >= firstSequence && sequence < endSequence();
  }

  public BatchRow withState(BatchState next, int confirmingMilestone) {
    return new BatchRow(
        firstSequence, count, root, closedAtMillis, next, confirmingMilestone, transaction);
  }

  /** The same batch anchored by another transaction (a re-issue with fresh parents). */
  public BatchRow withTransaction(byte[] replacement) {
    return new BatchRow(
        firstSequence, count, root, closedAtMillis, BatchState.SIGNED, 0, replacement);
  }
}
