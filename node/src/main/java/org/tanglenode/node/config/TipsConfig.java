package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

/**
 * The {@code tips} section of the placeholder tip pool the node keeps until consensus brings tip
 * selection.
 */
public record TipsConfig(int maxTracked, int parents) {

  public TipsConfig {
    check(maxTracked >= 1, "tips.maxTracked", "must be at least 1");
    check(parents >= 1 && parents <= 8, "tips.parents", "must be 1 to 8, not " + parents);
  }
}
