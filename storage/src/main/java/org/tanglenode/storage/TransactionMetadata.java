package org.tanglenode.storage;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the node learned about a stored transaction after it arrived.
 *
 * @param arrivalMs when this node stored it (its clock, milliseconds since the epoch)
 * @param solid whether its whole past cone is known
 * @param referencedByMilestone the index of the milestone that first referenced it, if any
 * @param conflict why it changed no balance, {@link ConflictState#NONE} if it did or is a data
 *     transaction or is not referenced yet
 */
public record TransactionMetadata(
    long arrivalMs, boolean solid, OptionalInt referencedByMilestone, ConflictState conflict) {

  public TransactionMetadata {
    Objects.requireNonNull(referencedByMilestone, "referencedByMilestone");
    Objects.requireNonNull(conflict, "conflict");
    if (arrivalMs < 0) {
      throw new IllegalArgumentException("arrival time must not be negative: " + arrivalMs);
    }
    if (referencedByMilestone.isPresent() && referencedByMilestone.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "milestone indexes start at 1, not " + referencedByMilestone.getAsInt());
    }
    if (referencedByMilestone.isEmpty() && conflict != ConflictState.NONE) {
      throw new IllegalArgumentException("only a referenced transaction can be conflicting");
    }
  }

  /** The metadata of a transaction that has just arrived. */
  public static TransactionMetadata arrived(long arrivalMs) {
    return new TransactionMetadata(arrivalMs, false, OptionalInt.empty(), ConflictState.NONE);
  }

  public boolean referenced() {
    return referencedByMilestone.isPresent();
  }

  public TransactionMetadata withSolid() {
    return new TransactionMetadata(arrivalMs, true, referencedByMilestone, conflict);
  }

  public TransactionMetadata withReferenced(int milestoneIndex, ConflictState state) {
    return new TransactionMetadata(arrivalMs, solid, OptionalInt.of(milestoneIndex), state);
  }
}
