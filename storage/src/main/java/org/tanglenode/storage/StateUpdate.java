package org.tanglenode.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.MerkleKey;

/**
 * Changes to metadata and node state that are written together in one atomic batch, or not at all.
 * Built with {@link #builder()}; applied by {@link TransactionStore#update}.
 */
public record StateUpdate(List<Change> changes) {

  public StateUpdate {
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("an update has at least one change");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One change. */
  public sealed interface Change {}

  /** The transaction's past cone is known. */
  public record MarkSolid(TransactionId id) implements Change {
    public MarkSolid {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Milestone {@code milestoneIndex} referenced the transaction, with this ledger verdict. */
  public record MarkReferenced(TransactionId id, int milestoneIndex, ConflictState conflict)
      implements Change {
    public MarkReferenced {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(conflict, "conflict");
      if (milestoneIndex < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1: " + milestoneIndex);
      }
    }
  }

  /**
   * Indexes a stored transaction as the milestone of {@code index}, as storing it with a milestone
   * index would have: for a milestone whose committee became known only after it was stored (a
   * trust update confirmed later). Nothing happens if a milestone of that index is indexed.
   */
  public record IndexMilestone(int index, TransactionId id) implements Change {
    public IndexMilestone {
      Objects.requireNonNull(id, "id");
      if (index < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1: " + index);
      }
    }
  }

  /**
   * Makes {@code replacement} the milestone of {@code index} if {@code current} is indexed there:
   * the confirmer's way out when the milestone indexed first fails the committee that turned out to
   * be in force for its index (signed by retired keys, say) and another stored one passes it.
   * Nothing happens if another milestone is indexed there.
   */
  public record ReplaceMilestone(int index, TransactionId current, TransactionId replacement)
      implements Change {
    public ReplaceMilestone {
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(replacement, "replacement");
      if (index < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1: " + index);
      }
    }
  }

  /** Sets a tracked milestone index (it may go down, e.g. after importing a snapshot). */
  public record SetMilestoneIndex(MilestoneKind kind, int index) implements Change {
    public SetMilestoneIndex {
      Objects.requireNonNull(kind, "kind");
      if (index < 0) {
        throw new IllegalArgumentException("a milestone index is not negative: " + index);
      }
    }
  }

  /** The transaction is a solid entry point since milestone {@code milestoneIndex}. */
  public record AddSolidEntryPoint(TransactionId id, int milestoneIndex) implements Change {
    public AddSolidEntryPoint {
      Objects.requireNonNull(id, "id");
      if (milestoneIndex < 0) {
        throw new IllegalArgumentException("a milestone index is not negative: " + milestoneIndex);
      }
    }
  }

  public record RemoveSolidEntryPoint(TransactionId id) implements Change {
    public RemoveSolidEntryPoint {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Drops a transaction from the stored tips (e.g. one too old to be selected again). */
  public record RemoveTip(TransactionId id) implements Change {
    public RemoveTip {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Stores a node of the history tree. */
  public record PutHistoryNode(MerkleKey key, byte[] hash) implements Change {
    public PutHistoryNode {
      Objects.requireNonNull(key, "key");
      if (hash == null || hash.length != 32) {
        throw new IllegalArgumentException("a history tree hash has 32 bytes");
      }
      hash = hash.clone();
    }

    @Override
    public byte[] hash() {
      return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PutHistoryNode other
          && key.equals(other.key)
          && java.util.Arrays.equals(hash, other.hash);
    }

    @Override
    public int hashCode() {
      return key.hashCode() * 31 + java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
      return "PutHistoryNode[" + key + "]";
    }
  }

  /** The transaction is leaf {@code leafIndex} of the history tree (its confirmation order). */
  public record PutConfirmed(long leafIndex, TransactionId id) implements Change {
    public PutConfirmed {
      Objects.requireNonNull(id, "id");
      if (leafIndex < 0) {
        throw new IllegalArgumentException("a leaf index is not negative: " + leafIndex);
      }
    }
  }

  /** Milestone {@code milestoneIndex} confirmed a transaction that created this output. */
  public record CreateOutput(int milestoneIndex, OutputRef ref, Output output) implements Change {
    public CreateOutput {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(output, "output");
      if (milestoneIndex < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1: " + milestoneIndex);
      }
    }
  }

  /**
   * Milestone {@code milestoneIndex} confirmed {@code spender}, which spends this unspent output.
   * The update is refused ({@link UpdateOutcome.UnknownOutputs}) if the output is not unspent.
   */
  public record SpendOutput(int milestoneIndex, OutputRef ref, TransactionId spender)
      implements Change {
    public SpendOutput {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(spender, "spender");
      if (milestoneIndex < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1: " + milestoneIndex);
      }
    }
  }

  /** An unspent output from a snapshot: written to the ledger without a diff entry. */
  public record PutUnspentOutput(OutputRef ref, Output output) implements Change {
    public PutUnspentOutput {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(output, "output");
    }
  }

  /**
   * Deletes a confirmed transaction with its metadata, approver entries (as a child), tag entry and
   * tip; for the {@link Pruner} only. A transaction no longer stored is skipped.
   */
  record PruneTransaction(StorableTransaction transaction) implements Change {
    PruneTransaction {
      Objects.requireNonNull(transaction, "transaction");
    }
  }

  /** Records that the milestones up to {@code milestoneIndex} are pruned. */
  record SetPruned(int milestoneIndex) implements Change {}

  /** Marks (or, with 0, clears) a snapshot import in progress; see docs/storage.md. */
  record SnapshotImportMark(int milestoneIndex) implements Change {}

  /** Collects changes in order. */
  public static final class Builder {
    private final List<Change> changes = new ArrayList<>();

    private Builder() {}

    public Builder markSolid(TransactionId id) {
      changes.add(new MarkSolid(id));
      return this;
    }

    public Builder markReferenced(TransactionId id, int milestoneIndex, ConflictState conflict) {
      changes.add(new MarkReferenced(id, milestoneIndex, conflict));
      return this;
    }

    public Builder setMilestoneIndex(MilestoneKind kind, int index) {
      changes.add(new SetMilestoneIndex(kind, index));
      return this;
    }

    public Builder addSolidEntryPoint(TransactionId id, int milestoneIndex) {
      changes.add(new AddSolidEntryPoint(id, milestoneIndex));
      return this;
    }

    public Builder removeSolidEntryPoint(TransactionId id) {
      changes.add(new RemoveSolidEntryPoint(id));
      return this;
    }

    public Builder removeTip(TransactionId id) {
      changes.add(new RemoveTip(id));
      return this;
    }

    public Builder putHistoryNode(MerkleKey key, byte[] hash) {
      changes.add(new PutHistoryNode(key, hash));
      return this;
    }

    public Builder putConfirmed(long leafIndex, TransactionId id) {
      changes.add(new PutConfirmed(leafIndex, id));
      return this;
    }

    public Builder createOutput(int milestoneIndex, OutputRef ref, Output output) {
      changes.add(new CreateOutput(milestoneIndex, ref, output));
      return this;
    }

    public Builder spendOutput(int milestoneIndex, OutputRef ref, TransactionId spender) {
      changes.add(new SpendOutput(milestoneIndex, ref, spender));
      return this;
    }

    public Builder putUnspentOutput(OutputRef ref, Output output) {
      changes.add(new PutUnspentOutput(ref, output));
      return this;
    }

    Builder pruneTransaction(StorableTransaction transaction) {
      changes.add(new PruneTransaction(transaction));
      return this;
    }

    Builder setPruned(int milestoneIndex) {
      changes.add(new SetPruned(milestoneIndex));
      return this;
    }

    Builder snapshotImportMark(int milestoneIndex) {
      changes.add(new SnapshotImportMark(milestoneIndex));
      return this;
    }

    public StateUpdate build() {
      return new StateUpdate(changes);
    }
  }
}
