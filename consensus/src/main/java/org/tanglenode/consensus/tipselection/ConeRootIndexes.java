package org.tanglenode.consensus.tipselection;

/**
 * How far back the past cone of a transaction reaches, in milestone indexes.
 *
 * <p>The <em>cone roots</em> of a transaction are the confirmed transactions met first when its
 * past cone is walked towards the root, stopping at every confirmed transaction. {@code oldest} is
 * the smallest and {@code youngest} the largest index of the milestones that confirmed them. A
 * confirmed transaction is its own cone root: both indexes are the index of the milestone that
 * confirmed it. The root of the DAG counts as confirmed by milestone 0.
 *
 * <p>Recursively, for a transaction that is not confirmed: {@code oldest} is the minimum and {@code
 * youngest} the maximum over its parents, where a confirmed parent contributes the index that
 * confirmed it and an unconfirmed parent its own two values.
 */
public record ConeRootIndexes(int oldest, int youngest) {

  public ConeRootIndexes {
    if (oldest < 0 || youngest < oldest) {
      throw new IllegalArgumentException(
          "cone root indexes need 0 <= oldest <= youngest, got " + oldest + ", " + youngest);
    }
  }

  /** The indexes of a transaction confirmed by milestone {@code index}. */
  public static ConeRootIndexes confirmedAt(int index) {
    return new ConeRootIndexes(index, index);
  }
}
