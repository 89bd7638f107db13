package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import org.tanglenode.consensus.tipselection.TipSelection;

/**
 * The {@code tips} section: the bounds of consensus' tip pool ({@code SolidTipPool}) and the
 * parents of the transactions the node completes. See docs/tip-selection.md.
 *
 * @param maxTracked the most tips the pool holds; past it the oldest is evicted
 * @param maxDepth a tip unapproved for more than this many milestones is not chosen for new
 *     transactions (the coordinator still takes it, oldest first)
 * @param parents parents of a transaction the node completes
 */
public record TipsConfig(int maxTracked, int maxDepth, int parents) {

  public TipsConfig {
    check(maxTracked >= 1, "tips.maxTracked", "must be at least 1");
    check(maxDepth >= 0, "tips.maxDepth", "must be at least 0, not " + maxDepth);
    check(
        parents >= 1 && parents <= TipSelection.MAX_PARENTS,
        "tips.parents",
        "must be 1 to " + TipSelection.MAX_PARENTS + ", not " + parents);
  }
}
