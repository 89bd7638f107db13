package org.tanglenode.consensus.milestone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Committee;

/**
 * The signature verdicts a node has reached, so each milestone's committee signatures are verified
 * once per node: the ingest gate checks them before indexing, the confirmer before confirming, and
 * each reuses the other's verdict. A verdict is a pure function of the milestone (its id fixes its
 * bytes) and the committee it was checked against, so it is kept under both: a milestone checked
 * again against another committee (a trust update changed who signs at its index) is verified
 * afresh. At most {@code capacity} verdicts are kept, the oldest forgotten first. Thread safe.
 */
public final class SignatureVerdicts {

  /** Verdicts kept by default: many more than the milestones between two confirmations. */
  public static final int DEFAULT_CAPACITY = 1_024;

  private record Key(TransactionId milestone, Committee committee) {}

  private final Map<Key, MilestoneVerdict> verdicts;
  private final AtomicLong verified = new AtomicLong();

  public SignatureVerdicts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.verdicts =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, MilestoneVerdict> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<MilestoneVerdict> find(TransactionId milestone, Committee committee) {
    return Optional.ofNullable(verdicts.get(new Key(milestone, committee)));
  }

  synchronized void remember(
      TransactionId milestone, Committee committee, MilestoneVerdict verdict) {
    verified.incrementAndGet();
    verdicts.put(new Key(milestone, committee), verdict);
  }

  /** How many times signatures were actually verified (a verdict that was not known yet). */
  public long verifications() {
    return verified.get();
  }
}
