package org.tanglenode.storage;

/**
 * What one {@link Pruner#prune} run did.
 *
 * @param fromMilestone the first milestone whose transactions were looked at (0 if none)
 * @param toMilestone the pruned-up-to index after the run (unchanged if nothing was due)
 * @param transactionsPruned transactions deleted
 * @param keptUnconfirmed listed as confirmed by a pruned milestone but not marked referenced by one
 *     up to {@code toMilestone}: kept (should be 0)
 * @param entryPointsAdded pruned transactions that a kept transaction still approves
 * @param entryPointsRemoved solid entry points no kept transaction approves any more
 */
public record PruneReport(
    int fromMilestone,
    int toMilestone,
    long transactionsPruned,
    long keptUnconfirmed,
    int entryPointsAdded,
    int entryPointsRemoved) {

  /** Whether the run had nothing to do. */
  public boolean nothingDue() {
    return fromMilestone == 0;
  }
}
