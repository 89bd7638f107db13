package org.tanglenode.gossip;

/**
 * Whether the node has caught up: its own milestones against the highest latest milestone its peers
 * announce in heartbeats.
 *
 * @param latestMilestone the highest milestone this node knows
 * @param solidMilestone the milestone this node is solid up to
 * @param networkLatestMilestone the highest latest milestone any connected peer announced
 * @param peers connected peers (handshake done)
 */
public record SyncStatus(
    int latestMilestone, int solidMilestone, int networkLatestMilestone, int peers) {

  public SyncStatus {
    if (latestMilestone < 0 || solidMilestone < 0 || networkLatestMilestone < 0 || peers < 0) {
      throw new IllegalArgumentException("sync numbers are not negative");
    }
  }

  /** Solid up to the latest milestone any peer knows (and up to its own latest). */
  public boolean synced() {
    return solidMilestone >= networkLatestMilestone && solidMilestone >= latestMilestone;
  }

  /** How many milestones the node still has to solidify. */
  public int behindBy() {
    return Math.max(0, Math.max(networkLatestMilestone, latestMilestone) - solidMilestone);
  }
}
