package org.tanglenode.consensus.tipselection;

/**
 * How the node chooses the parents of a transaction it completes (setting {@code tips.selector}):
 * {@link SolidTipPool} (restricted uniform random, the default) or {@link PoolWalkSelector} (the
 * weighted random walk, ending only on tips the pool would choose).
 */
public interface ParentSelector {

  /**
   * Up to {@code count} distinct parents (1 to {@value TipSelection#MAX_PARENTS}); the latest
   * milestone (or the root) when no tip can be chosen. Never fails for want of tips.
   *
   * @throws IllegalArgumentException if {@code count} is out of range
   */
  TipSelection select(int count);
}
