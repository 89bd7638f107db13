package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

/**
 * The {@code ingest} section: the bounded queue in front of the signature workers and the size of
 * the seen-before filter.
 */
public record IngestConfig(int queueCapacity, int signatureWorkers, int recentIds) {

  public IngestConfig {
    check(queueCapacity >= 1, "ingest.queueCapacity", "must be at least 1");
    check(
        signatureWorkers >= 1 && signatureWorkers <= 256,
        "ingest.signatureWorkers",
        "must be 1 to 256, not " + signatureWorkers);
    check(recentIds >= 16, "ingest.recentIds", "must be at least 16");
  }
}
