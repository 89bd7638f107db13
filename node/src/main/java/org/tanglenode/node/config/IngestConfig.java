package org.tanglenode.node.config;

import static org.tanglenode.node.config.ConfigException.check;

import org.tanglenode.crypto.sign.Ed25519KeyCache;

/**
 * The {@code ingest} section: the bounded queue in front of the signature workers, the size of the
 * seen-before filter, how many milestones of a committee not confirmed yet are kept for a later
 * check (docs/trust.md), and how many signers' decoded keys the signature check keeps
 * (docs/crypto.md "Cached public keys"), and the bounded hand-off from the storage writer to the
 * stored and solid listeners ({@code listenerQueue}; docs/node.md, step 7).
 */
public record IngestConfig(
    int queueCapacity,
    int signatureWorkers,
    int recentIds,
    int deferredMilestones,
    int issuerKeyCache,
    int listenerQueue) {

  public IngestConfig {
    check(queueCapacity >= 1, "ingest.queueCapacity", "must be at least 1");
    check(
        signatureWorkers >= 1 && signatureWorkers <= 256,
        "ingest.signatureWorkers",
        "must be 1 to 256, not " + signatureWorkers);
    check(recentIds >= 16, "ingest.recentIds", "must be at least 16");
    check(deferredMilestones >= 0, "ingest.deferredMilestones", "must not be negative");
    check(
        issuerKeyCache >= 0 && issuerKeyCache <= Ed25519KeyCache.MAX_CAPACITY,
        "ingest.issuerKeyCache",
        "must be 0 (off) to " + Ed25519KeyCache.MAX_CAPACITY + ", not " + issuerKeyCache);
    check(listenerQueue >= 1, "ingest.listenerQueue", "must be at least 1");
  }
}
