package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import java.util.List;
import org.tanglenode.consensus.tipselection.TipSelection;

/**
 * The {@code tips} section: the bounds of consensus' tip pool ({@code SolidTipPool}) and the
 * parents of the transactions the node completes. See docs/tip-selection.md.
 *
 * @param maxTracked the most tips the pool holds; past it the oldest is evicted
 * @param maxDepth a tip unapproved for more than this many milestones is not chosen for new
 *     transactions (the coordinator still takes it, oldest first)
 * @param parents parents of a transaction the node completes
 * @param selector how those parents are chosen among the pool's tips: {@code uniform} (restricted
 *     uniform random) or {@code weighted} (the weighted random walk, ending on the pool's tips)
 */
public record TipsConfig(int maxTracked, int maxDepth, int parents, String selector) {

  /** The values of {@code tips.selector}. */
  public static final List<String> SELECTORS = List.of("uniform", "weighted");

  public TipsConfig {
    check(
        selector != null && SELECTORS.contains(selector),
        "tips.selector",
        "must be one of " + SELECTORS + ", not '" + selector + "'");
    check(maxTracked >= 1, "tips.maxTracked", "must be at least 1");
    check(maxDepth >= 0, "tips.maxDepth", "must be at least 0, not " + maxDepth);
    check(
        parents >= 1 && parents <= TipSelection.MAX_PARENTS,
        "tips.parents",
        "must be 1 to " + TipSelection.MAX_PARENTS + ", not " + parents);
  }

  /** Whether the weighted random walk chooses the parents. */
  public boolean weighted() {
    return selector.equals("weighted");
  }
}
