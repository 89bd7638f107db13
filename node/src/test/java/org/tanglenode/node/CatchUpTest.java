package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StoreOutcome;
import org.tanglenode.storage.TransactionStore;

/**
 * A fresh node catching up from a peer that has confirmed a large backlog: {@value #DEFAULT_COUNT}
 * data transactions in one chain, each approving the two before it (the worst case for asking
 * parent by parent, which is serial along a chain). The backlog is written into the coordinator's
 * RocksDB folder before it starts, resumed by its solidifier and confirmed by its first milestones;
 * then the fresh node starts with the coordinator as its only peer and must end with every
 * transaction confirmed by the same milestones.
 *
 * <p>The default is the size. Every phase is linear in it (the test signs the backlog, the
 * coordinator rebuilds its pool, resumes and confirms it in milestones of {@code
 * coordinator.maxConeTransactions}, the fresh node verifies and stores it), so the 13.8 s measured
 * for 30,000 on an idle machine puts it near 46 s; on a machine loaded by other builds the test's
 * own signing is most of the CPU (73 % of JFR samples in a 100,000 run at load 18). The long mode
 * is {@code -Dtangle.catchup.transactions=1000000}; smaller sizes run with the same property.
 */
class CatchUpTest {

  static final int DEFAULT_COUNT = 100_000;
  private static final int COUNT = Integer.getInteger("tangle.catchup.transactions", DEFAULT_COUNT);

  @TempDir Path dir;

  @Test
  void aFreshNodeCatchesUpWithAConfirmedBacklog() throws Exception {
    Genesis genesis = TestNetwork.genesis(0).withMilestoneIntervalMs(500);
    TestNodes nodes = new TestNodes(dir, genesis);
    Network network = nodes.network();
    String coordinatorYaml = nodes.coordinatorYaml();
    long began = System.nanoTime();
    List<TransactionId> backlog = writeBacklog(nodes.config("coordinator", List.of(), ""), network);
    long written = System.nanoTime();

    try (Node coordinator = nodes.start("coordinator", List.of(), coordinatorYaml)) {
      TransactionId top = backlog.get(backlog.size() - 1);
      await()
          .atMost(timeout(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  coordinator
                      .store()
                      .metadata(top)
                      .map(m -> m.referencedByMilestone().isPresent())
                      .orElse(false));
      int referencedBy =
          coordinator.store().metadata(top).orElseThrow().referencedByMilestone().getAsInt();

      long started = System.nanoTime();
      System.out.printf(
          "catch-up phases: backlog of %d written in %.1f s, confirmed by the coordinator in %.1f s%n",
          COUNT, (written - began) / 1e9, (started - written) / 1e9);
      try (Node fresh =
          nodes.start("fresh", List.of("127.0.0.1:" + coordinator.gossipAddress().getPort()), "")) {
        await()
            .atMost(timeout(180))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> fresh.store().restartState().confirmedMilestone() >= referencedBy);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
            "catch-up: %d transactions confirmed on the fresh node in %.1f s (%.0f tx/s)%n",
            COUNT, seconds, COUNT / seconds);
        // The backlog came in by history leaf, not parent by parent.
        String metrics = new Http(fresh.apiAddress().orElseThrow()).get("/metrics").body();
        assertThat(rangeLeaves(metrics)).as(metrics).isGreaterThanOrEqualTo(COUNT);
        TransactionStore store = fresh.store();
        for (TransactionId id : backlog) {
          assertThat(store.metadata(id))
              .as("%s on the fresh node", id)
              .hasValueSatisfying(
                  m ->
                      assertThat(m.referencedByMilestone())
                          .isEqualTo(
                              coordinator
                                  .store()
                                  .metadata(id)
                                  .orElseThrow()
                                  .referencedByMilestone()));
        }
      }
    }
  }

  /** {@code seconds}, or more for a long-mode backlog (a second per 400 transactions). */
  private static Duration timeout(int seconds) {
    return Duration.ofSeconds(Math.max(seconds, COUNT / 400));
  }

  private static double rangeLeaves(String metrics) {
    return metrics
        .lines()
        .filter(line -> line.startsWith("gossip_sync_ranges_leaves_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  /** Writes the backlog straight into the coordinator's storage, as a previous run left it. */
  private static List<TransactionId> writeBacklog(NodeConfig config, Network network)
      throws Exception {
    Ed25519PrivateKey key = TestNetwork.key(9);
    long now = System.currentTimeMillis();
    List<TransactionId> ids = new ArrayList<>(COUNT);
    java.nio.file.Files.createDirectories(config.dataPath());
    try (Storage storage =
        Storage.open(
            config.storage().toStorageConfig(config.databasePath()),
            new SimpleMeterRegistry(),
            Clock.systemUTC())) {
      TransactionStore store = storage.transactions();
      List<CompletableFuture<StoreOutcome>> writes = new ArrayList<>();
      for (int i = 0; i < COUNT; i++) {
        List<TransactionId> parents =
            i == 0
                ? List.of(network.rootId())
                : i == 1 ? List.of(ids.get(0)) : List.of(ids.get(i - 2), ids.get(i - 1));
        Transaction tx =
            new TransactionBuilder(network.shortId())
                .parents(parents)
                .issuer(key.publicKey())
                .timestampMs(now)
                .data(Tag.of("catch-up"), ("record " + i).getBytes(StandardCharsets.UTF_8))
                .build()
                .sign(key)
                .complete(0);
        ids.add(tx.id());
        writes.add(store.store(StorableTransaction.from(tx)));
        if (writes.size() >= 1_000) {
          for (CompletableFuture<StoreOutcome> write : writes) {
            assertThat(write.get().code()).isEqualTo(StoreOutcome.Code.STORED);
          }
          writes.clear();
        }
      }
      for (CompletableFuture<StoreOutcome> write : writes) {
        assertThat(write.get().code()).isEqualTo(StoreOutcome.Code.STORED);
      }
    }
    return ids;
  }
}
