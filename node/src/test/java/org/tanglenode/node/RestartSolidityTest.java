package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.config.NodeConfig;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TestTransactions;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StoreOutcome;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * A node restarted while transactions are stored but not solid: one real RocksDB folder, the real
 * coordinator (300 ms milestones), no peers. Before the restart, the top of chain A is submitted
 * without its middle (unsolid, waiting). While the node is down, the bottom of chain A and the
 * whole of chain B are written straight into its storage, as a crash between the write and the
 * solid mark leaves them: stored, cone complete, never offered to the solidifier. After the
 * restart, chain B is confirmed without any new traffic; once the middle of chain A arrives, every
 * stored transaction is confirmed within a bounded number of milestones.
 */
class RestartSolidityTest {

  /** Milestones after the last arrival within which every stored transaction is confirmed. */
  private static final int MILESTONE_BOUND = 40;

  @TempDir Path dir;

  @Test
  void afterARestartEveryStoredTransactionWhoseConeIsCompleteIsConfirmed() throws Exception {
    Genesis genesis = TestNetwork.genesis(4).withMilestoneIntervalMs(300);
    TestNodes nodes = new TestNodes(dir, genesis);
    Network network = nodes.network();
    TestTransactions pow = new TestTransactions(network, 3);
    List<Transaction> chainA = chain(network, pow, "restart-a", 60);
    List<Transaction> chainB = chain(network, pow, "restart-b", 20);

    try (Node node = nodes.start("node", List.of(), nodes.coordinatorYaml())) {
      Http api = new Http(node.apiAddress().orElseThrow());
      awaitConfirmedMilestone(node, 1);
      for (Transaction tx : chainA.subList(40, 60)) {
        submit(api, tx);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> chainA.subList(40, 60).stream().allMatch(tx -> stored(node, tx)));
      // Waiting for chainA[39]: nothing of the top is solid, and the metadata says why.
      assertThat(chainA.subList(40, 60)).noneMatch(tx -> solid(node, tx));
      JsonNode bottom = pending(api, chainA.get(40));
      assertThat(bottom.path("reason").asText()).isEqualTo("MISSING_PARENTS");
      assertThat(bottom.path("missing"))
          .extracting(JsonNode::asText)
          .containsExactlyInAnyOrder(chainA.get(38).id().toHex(), chainA.get(39).id().toHex());
      assertThat(pending(api, chainA.get(59)).path("reason").asText())
          .isEqualTo("AWAITING_SOLIDITY");
    }

    NodeConfig config = nodes.config("node", List.of(), nodes.coordinatorYaml());
    try (Storage storage =
        Storage.open(
            config.storage().toStorageConfig(config.databasePath()),
            new SimpleMeterRegistry(),
            Clock.systemUTC())) {
      TransactionStore store = storage.transactions();
      List<Transaction> direct = new ArrayList<>(chainA.subList(0, 20));
      direct.addAll(chainB);
      for (Transaction tx : direct) {
        StoreOutcome outcome = store.store(StorableTransaction.from(tx)).get();
        assertThat(outcome.code()).as(outcome.toString()).isEqualTo(StoreOutcome.Code.STORED);
      }
      assertThat(direct).noneMatch(tx -> store.metadata(tx.id()).orElseThrow().solid());
    }

    try (Node node = nodes.start("node", List.of(), nodes.coordinatorYaml())) {
      Http api = new Http(node.apiAddress().orElseThrow());
      int restartedAt = node.store().restartState().confirmedMilestone();
      // No traffic: chain B and the bottom of chain A become solid and confirmed.
      awaitConfirmed(node, chainB, restartedAt, Duration.ofSeconds(30));
      awaitConfirmed(node, chainA.subList(0, 20), restartedAt, Duration.ofSeconds(30));
      assertThat(chainA.subList(40, 60)).noneMatch(tx -> solid(node, tx));

      // The missing middle arrives, newest first.
      for (int i = 39; i >= 20; i--) {
        submit(api, chainA.get(i));
      }
      int lastArrival = node.store().restartState().latestMilestone();
      awaitConfirmed(node, chainA, lastArrival, Duration.ofSeconds(60));
      awaitConfirmed(node, chainB, lastArrival, Duration.ofSeconds(1));
      assertThat(pending(api, chainA.get(59)).isNull()).isTrue();
    }
  }

  /**
   * {@code length} data transactions, each approving the two before it (the first approves the
   * network's root), as a writer building its own chain does.
   */
  private static List<Transaction> chain(
      Network network, TestTransactions pow, String tag, int length) {
    Ed25519PrivateKey key = TestNetwork.key(7);
    long now = System.currentTimeMillis();
    List<Transaction> chain = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      List<TransactionId> parents =
          i == 0
              ? List.of(network.rootId())
              : i == 1
                  ? List.of(chain.get(0).id())
                  : List.of(chain.get(i - 2).id(), chain.get(i - 1).id());
      chain.add(
          pow.complete(
              new TransactionBuilder(network.shortId())
                  .parents(parents)
                  .issuer(key.publicKey())
                  .timestampMs(now + i)
                  .data(Tag.of(tag), ("record " + i).getBytes(StandardCharsets.UTF_8))
                  .build()
                  .sign(key)));
    }
    return chain;
  }

  private static void submit(Http api, Transaction tx) {
    Http.Answer answer =
        api.post(
            "/api/v1/transactions",
            Http.json(Map.of("hex", HexFormat.of().formatHex(tx.bytes()))),
            WRITE_TOKEN);
    assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 202);
  }

  private static JsonNode pending(Http api, Transaction tx) {
    Http.Answer answer = api.get("/api/v1/transactions/" + tx.id().toHex() + "/metadata");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().path("pending");
  }

  private static Optional<TransactionMetadata> metadata(Node node, Transaction tx) {
    return node.store().metadata(tx.id());
  }

  private static boolean stored(Node node, Transaction tx) {
    return node.store().contains(tx.id());
  }

  private static boolean solid(Node node, Transaction tx) {
    return metadata(node, tx).map(TransactionMetadata::solid).orElse(false);
  }

  private static void awaitConfirmedMilestone(Node node, int index) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> node.store().restartState().confirmedMilestone() >= index);
  }

  /**
   * Waits until every one of {@code txs} is referenced by a milestone, then checks it was one of
   * the {@link #MILESTONE_BOUND} milestones after {@code from}.
   */
  private static void awaitConfirmed(Node node, List<Transaction> txs, int from, Duration atMost) {
    await()
        .atMost(atMost)
        .untilAsserted(
            () ->
                assertThat(txs)
                    .allMatch(
                        tx ->
                            metadata(node, tx)
                                .map(m -> m.referencedByMilestone().isPresent())
                                .orElse(false),
                        "referenced by a milestone"));
    for (Transaction tx : txs) {
      OptionalInt by = metadata(node, tx).orElseThrow().referencedByMilestone();
      assertThat(by.getAsInt())
          .as("milestone that confirmed %s", tx.id())
          .isLessThanOrEqualTo(from + MILESTONE_BOUND);
      assertThat(metadata(node, tx).orElseThrow().conflict())
          .isEqualTo(org.tanglenode.storage.ConflictState.NONE);
    }
  }
}
