package org.tanglenode.gossip;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Network;

/**
 * Several {@link TestNode}s on loopback: start, connect in a shape, act, wait for a condition on
 * all; prints every node's state when a wait fails, and always closes.
 */
final class GossipCluster implements AutoCloseable {

  final Network network = TestNetwork.network();
  final List<TestNode> nodes = new ArrayList<>();

  TestNode add(String name, int keySeed) {
    TestNode node = new TestNode(name, keySeed, network, b -> b).start();
    nodes.add(node);
    return node;
  }

  void startNodes(int count) {
    for (int i = 0; i < count; i++) {
      add("n" + i, 10 + i);
    }
  }

  /** Node {@code from} dials node {@code to}. */
  void connect(int from, int to) {
    nodes.get(from).gossip.addPeer(nodes.get(to).address());
  }

  /** Waits until every node has {@code peers[i]} peers. */
  void awaitPeers(int... peers) {
    awaitAll(
        "peer counts",
        () -> {
          for (int i = 0; i < peers.length; i++) {
            if (nodes.get(i).peerCount() != peers[i]) {
              return false;
            }
          }
          return true;
        });
  }

  void awaitAll(String what, Callable<Boolean> condition) {
    try {
      await(what)
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(condition);
    } catch (RuntimeException | Error e) {
      System.err.println("cluster state when waiting for " + what + " failed:");
      nodes.forEach(n -> System.err.println("  " + n.describe()));
      throw e;
    }
  }

  @Override
  public void close() {
    for (TestNode node : nodes) {
      try {
        node.close();
      } catch (RuntimeException e) {
        System.err.println("closing " + node.name + ": " + e);
      }
    }
  }
}
