package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import java.util.List;

/**
 * The {@code coordinator} section: whether this node issues milestones, and the committee key files
 * (PEM, see {@code tangle keygen}) it signs them with. Off by default; when on, it needs at least
 * the genesis committee's threshold of keys (checked when the node starts). {@code
 * maxConeTransactions} bounds what one milestone newly confirms, so a backlog drains over several
 * milestones (docs/tip-selection.md).
 */
public record CoordinatorConfig(
    boolean enabled, List<String> committeeKeyFiles, int maxConeTransactions) {

  public CoordinatorConfig {
    committeeKeyFiles = List.copyOf(committeeKeyFiles);
    check(
        !enabled || !committeeKeyFiles.isEmpty(),
        "coordinator.committeeKeyFiles",
        "must name at least one key file when coordinator.enabled is true");
    check(
        maxConeTransactions >= 1,
        "coordinator.maxConeTransactions",
        "must be at least 1, not " + maxConeTransactions);
  }
}
