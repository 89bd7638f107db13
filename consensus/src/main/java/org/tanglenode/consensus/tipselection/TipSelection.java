package org.tanglenode.consensus.tipselection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tanglenode.protocol.TransactionId;

/**
 * The parents chosen for a new transaction: 1 to {@value #MAX_PARENTS} distinct ids sorted
 * ascending (the order the protocol requires), with how they were found.
 */
public record TipSelection(List<TransactionId> parents, Outcome outcome) {

  /** The most parents a transaction may have. */
  public static final int MAX_PARENTS = 8;

  /** How the parents were found. */
  public enum Outcome {
    /** As many tips as asked for. */
    TIPS,
    /** Fewer selectable tips than asked for existed; all of them were taken. */
    FEWER_TIPS,
    /** No selectable tip existed; the parent is the latest milestone (or the root). */
    FALLBACK_TO_MILESTONE
  }

  public TipSelection {
    Objects.requireNonNull(outcome, "outcome");
    parents = List.copyOf(parents);
    if (parents.isEmpty() || parents.size() > MAX_PARENTS) {
      throw new IllegalArgumentException(
          "a selection has 1 to " + MAX_PARENTS + " parents, got " + parents.size());
    }
    for (int i = 1; i < parents.size(); i++) {
      if (parents.get(i - 1).compareTo(parents.get(i)) >= 0) {
        throw new IllegalArgumentException("parents must be distinct and sorted ascending");
      }
    }
  }

  /** A selection of {@code chosen} (any order, distinct) for a request of {@code asked}. */
  static TipSelection of(List<TransactionId> chosen, int asked) {
    List<TransactionId> sorted = new ArrayList<>(chosen);
    sorted.sort(null);
    return new TipSelection(sorted, sorted.size() < asked ? Outcome.FEWER_TIPS : Outcome.TIPS);
  }

  /** Checks a requested parent count. */
  static void checkCount(int count) {
    if (count < 1 || count > MAX_PARENTS) {
      throw new IllegalArgumentException(
          "a transaction has 1 to " + MAX_PARENTS + " parents, asked for " + count);
    }
  }
}
