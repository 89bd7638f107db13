package org.tanglenode.consensus.tipselection;

/**
 * The limits of a {@link SolidTipPool}.
 *
 * @param maxTips the most tips the pool holds; past it the tip that entered first is evicted
 *     (counted, logged): about 100 bytes of heap per tip
 * @param maxDepth a tip that entered the pool more than this many milestones ago and is still
 *     unapproved is no longer chosen by {@link SolidTipPool#select}; it stays in the pool, where
 *     the coordinator takes the oldest tips first
 */
public record TipPoolConfig(int maxTips, int maxDepth) {

  /** The default bound on tips: far above the 2 x rate x milestone interval of a busy network. */
  public static final int DEFAULT_MAX_TIPS = 100_000;

  /** The default depth, in milestones (IRI's and Hornet's order of magnitude). */
  public static final int DEFAULT_MAX_DEPTH = UniformRandomTipSelector.DEFAULT_MAX_DEPTH;

  public static final TipPoolConfig DEFAULT =
      new TipPoolConfig(DEFAULT_MAX_TIPS, DEFAULT_MAX_DEPTH);

  public TipPoolConfig {
    if (maxTips < 1) {
      throw new IllegalArgumentException("maxTips is >= 1, got " + maxTips);
    }
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth is >= 0, got " + maxDepth);
    }
  }
}
