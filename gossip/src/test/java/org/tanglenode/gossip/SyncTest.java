package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node started late catches up from nothing to the latest milestone. */
class SyncTest {

  @Test
  void lateNodeCatchesUpToTheLatestMilestone() {
    try (GossipCluster cluster = new GossipCluster()) {
      TestNode early = cluster.add("early", 10);
      TestChain chain = new TestChain(cluster.network);
      for (int m = 0; m < 6; m++) {
        for (int i = 0; i < 10; i++) {
          early.host.issue(chain.data());
        }
        early.host.issue(chain.milestone());
      }
      assertThat(early.host.milestoneIndexes()).isEqualTo(new MilestoneIndexes(6, 6));

      TestNode late = cluster.add("late", 11);
      assertThat(late.gossip.syncStatus().synced()).isTrue();
      late.gossip.addPeer(early.address());
      cluster.awaitAll(
          "the late node is solid up to milestone 6",
          () -> late.host.milestoneIndexes().solid() == 6 && late.gossip.syncStatus().synced());
      assertThat(late.host.hasAll(chain.ids())).isTrue();
      assertThat(late.gossip.syncStatus().networkLatestMilestone()).isEqualTo(6);
    }
  }
}
