package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/** A transaction issued on one node reaches every node of a line, a ring and a star of five. */
class PropagationTest {

  private static void issueOnAndAwaitAll(GossipCluster cluster, int issuer, int count) {
    TestChain chain = new TestChain(cluster.network);
    for (int i = 0; i < count; i++) {
      Transaction tx = chain.data();
      assertThat(cluster.nodes.get(issuer).host.issue(tx)).isEqualTo(OfferResult.ACCEPTED);
    }
    List<TransactionId> ids = chain.ids();
    cluster.awaitAll(
        "every node has every transaction",
        () -> cluster.nodes.stream().allMatch(n -> n.host.hasAll(ids)));
  }

  @Test
  void line() {
    try (GossipCluster cluster = new GossipCluster()) {
      cluster.startNodes(5);
      for (int i = 1; i < 5; i++) {
        cluster.connect(i, i - 1);
      }
      cluster.awaitPeers(1, 2, 2, 2, 1);
      issueOnAndAwaitAll(cluster, 0, 20);
      // Each node got each transaction once from its upstream neighbour, never echoed back.
      for (TestNode node : cluster.nodes) {
        assertThat(node.host.invalidCount()).isZero();
      }
    }
  }

  @Test
  void ring() {
    try (GossipCluster cluster = new GossipCluster()) {
      cluster.startNodes(5);
      for (int i = 0; i < 5; i++) {
        cluster.connect(i, (i + 1) % 5);
      }
      cluster.awaitPeers(2, 2, 2, 2, 2);
      issueOnAndAwaitAll(cluster, 2, 20);
    }
  }

  @Test
  void star() {
    try (GossipCluster cluster = new GossipCluster()) {
      cluster.startNodes(5);
      for (int i = 1; i < 5; i++) {
        cluster.connect(i, 0);
      }
      cluster.awaitPeers(4, 1, 1, 1, 1);
      issueOnAndAwaitAll(cluster, 3, 20);
    }
  }
}
