package org.tanglenode.gossip;

import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.Transaction;

/** A peer restarted in the middle of a stream reconnects, and the network converges. */
class RestartTest {

  @Test
  void aRestartedPeerReconnectsAndTheNetworkConverges() throws Exception {
    try (GossipCluster cluster = new GossipCluster()) {
      cluster.startNodes(3);
      cluster.connect(1, 0);
      cluster.connect(2, 1);
      cluster.awaitPeers(1, 2, 1);
      TestNode first = cluster.nodes.get(0);
      TestNode middle = cluster.nodes.get(1);
      TestChain chain = new TestChain(cluster.network);

      for (int i = 0; i < 100; i++) {
        first.host.issue(chain.data());
        Thread.sleep(2);
      }
      int port = middle.address().port();
      middle.gossip.close();
      for (int i = 0; i < 100; i++) {
        first.host.issue(chain.data()); // the middle node misses these
        Thread.sleep(2);
      }
      TestNode restarted =
          new TestNode(
              "n1-restarted",
              middle.key,
              cluster.network,
              middle.host,
              b -> b.port(port).staticPeers(List.of(first.address())));
      cluster.nodes.set(1, restarted);
      restarted.start();
      cluster.awaitPeers(1, 2, 1);
      for (int i = 0; i < 100; i++) {
        Transaction tx = chain.data();
        first.host.issue(tx);
        Thread.sleep(2);
      }
      List<org.tanglenode.protocol.TransactionId> ids = chain.ids();
      cluster.awaitAll(
          "all nodes have all 300 transactions",
          () -> cluster.nodes.stream().allMatch(n -> n.host.hasAll(ids)));
      await().until(() -> restarted.peerCount() == 2);
    }
  }
}
