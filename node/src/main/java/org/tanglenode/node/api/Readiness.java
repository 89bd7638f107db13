package org.tanglenode.node.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.tanglenode.gossip.SyncStatus;

/**
 * Whether the node should get traffic ({@code /health/ready}): it has started (storage open, gossip
 * and API running) and it is synced, that is solid up to the latest milestone it or any peer knows.
 * A load balancer or Kubernetes keeps clients off a node that is still catching up, so they never
 * read a ledger that is behind. A node without peers is synced at its own latest milestone (a lone
 * coordinator is ready).
 */
final class Readiness {

  private final BooleanSupplier started;
  private final Supplier<SyncStatus> sync;

  Readiness(BooleanSupplier started, Supplier<SyncStatus> sync) {
    this.started = started;
    this.sync = sync;
  }

  /**
   * The body of a 200 answer.
   *
   * @throws ApiException 503 {@code NOT_READY} while starting or stopping, 503 {@code NOT_SYNCED}
   *     while the node is behind (the message says by how many milestones)
   */
  Map<String, Object> check() {
    if (!started.getAsBoolean()) {
      throw new ApiException(503, "NOT_READY", "the node is starting or stopping");
    }
    SyncStatus status = sync.get();
    if (!status.synced()) {
      throw new ApiException(
          503,
          "NOT_SYNCED",
          "the node is "
              + status.behindBy()
              + " milestones behind: solid "
              + status.solidMilestone()
              + ", latest known "
              + Math.max(status.latestMilestone(), status.networkLatestMilestone()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "READY");
    out.put("synced", true);
    out.put("solidMilestone", status.solidMilestone());
    out.put("peers", status.peers());
    return out;
  }
}
