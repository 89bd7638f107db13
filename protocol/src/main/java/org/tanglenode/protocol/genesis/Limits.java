package org.tanglenode.protocol.genesis;

/**
 * Size and time limits every node of a network enforces alike.
 *
 * @param maxTransactionBytes largest encoded transaction accepted
 * @param maxDataBytes largest data payload; small on purpose: the ledger holds hashes and metadata,
 *     never documents or personal data
 * @param maxFutureDriftMs how far a transaction's timestamp may lie ahead of a node's clock
 */
public record Limits(int maxTransactionBytes, int maxDataBytes, long maxFutureDriftMs) {

  /** The protocol's fixed bound on a tag; not a network parameter. */
  public static final int MAX_TAG_BYTES = 64;

  public static final Limits DEFAULT = new Limits(4096, 1024, 60_000);

  /**
   * The largest drift a genesis may allow: one day. Clocks of real nodes are off by seconds; a
   * larger bound only lets timestamps lie, and keeps clock-plus-drift sums far from overflow.
   */
  public static final long MAX_FUTURE_DRIFT_MS = 86_400_000L;

  public Limits {
    if (maxTransactionBytes < 256 || maxTransactionBytes > 1 << 20) {
      throw new IllegalArgumentException(
          "limits.maxTransactionBytes: must be between 256 and 1048576, not "
              + maxTransactionBytes);
    }
    if (maxDataBytes < 0 || maxDataBytes > maxTransactionBytes) {
      throw new IllegalArgumentException(
          "limits.maxDataBytes: must be between 0 and maxTransactionBytes, not " + maxDataBytes);
    }
    if (maxFutureDriftMs < 0 || maxFutureDriftMs > MAX_FUTURE_DRIFT_MS) {
      throw new IllegalArgumentException(
          "limits.maxFutureDriftMs: must be between 0 and "
              + MAX_FUTURE_DRIFT_MS
              + " (one day), not "
              + maxFutureDriftMs);
    }
  }
}
