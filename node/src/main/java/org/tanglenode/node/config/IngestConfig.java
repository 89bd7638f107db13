package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

/**
 * The {@code ingest} section: the bounded queue in front of the signature workers, the size of the
 * seen-before filter, and how many milestones of a committee not confirmed yet are kept for a later
 * check (docs/trust.md).
 */
public record IngestConfig(
    int queueCapacity, int signatureWorkers, int recentIds, int deferredMilestones) {

  public IngestConfig {
    check(queueCapacity >= 1, "ingest.queueCapacity", "must be at least 1");
    check(
        signatureWorkers >= 1 && signatureWorkers <= 256,
        "ingest.signatureWorkers",
        "must be 1 to 256, not " + signatureWorkers);
    check(recentIds >= 16, "ingest.recentIds", "must be at least 16");
    check(deferredMilestones >= 0, "ingest.deferredMilestones", "must not be negative");
  }
}
