package org.tanglenode.node.liveness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.TransactionMetadata;
import org.tanglenode.storage.TransactionStore;

/**
 * One node with the real coordinator (a test genesis with a short milestone interval, proof of work
 * off), a real RocksDB folder, and the checks of issue 13: transactions go in as a writer sends
 * them ({@code POST /api/v1/transactions}, many in flight), then "every stored transaction is
 * confirmed within N milestones" and "the tip pool holds only tips". Close it after use; {@link
 * #restart()} closes and starts the node on the same folder.
 */
public final class LivenessNode implements AutoCloseable {

  /** Submissions in flight at once, as several writers would have. */
  private static final int IN_FLIGHT = 32;

  private final TestNodes nodes;
  private final String extraYaml;
  private final int maxCone;
  private Node node;
  private Http http;

  /**
   * A node named "liveness" under {@code dir}, issuing a milestone every {@code intervalMs}, each
   * confirming at most {@code maxCone} new transactions.
   */
  public LivenessNode(Path dir, int intervalMs, int maxCone) {
    this(dir, intervalMs, maxCone, "uniform");
  }

  /** As above, the node choosing the parents of what it completes by {@code tips.selector}. */
  public LivenessNode(Path dir, int intervalMs, int maxCone, String selector) {
    this.nodes = new TestNodes(dir, TestNetwork.genesis(0).withMilestoneIntervalMs(intervalMs));
    this.maxCone = maxCone;
    this.extraYaml =
        nodes.coordinatorYaml()
            + "  maxConeTransactions: "
            + maxCone
            + "\ntips:\n  selector: "
            + selector
            + "\n";
    start();
  }

  private void start() {
    node = nodes.start("liveness", List.of(), extraYaml);
    http = new Http(node.apiAddress().orElseThrow());
  }

  /** Closes the node and starts it again on the same data folder. */
  public void restart() {
    node.close();
    start();
  }

  public Network network() {
    return nodes.network();
  }

  public Node node() {
    return node;
  }

  public Http http() {
    return http;
  }

  public int maxCone() {
    return maxCone;
  }

  /**
   * Sends the transactions in this order, {@value #IN_FLIGHT} at a time, each answered 201 (stored)
   * or 200 (known); 503 (queue full) is retried after a pause. Returns when all are acknowledged.
   */
  public void submit(List<Transaction> transactions) {
    HttpClient client = http.client();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<Void>> sent = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      slots.acquireUninterruptibly();
      sent.add(send(client, tx, 0).whenComplete((ok, failure) -> slots.release()));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  private CompletableFuture<Void> send(HttpClient client, Transaction tx, int attempt) {
    HttpRequest request =
        HttpRequest.newBuilder(http.base().resolve("/api/v1/transactions"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestNodes.WRITE_TOKEN)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Http.json(Map.of("hex", HexFormat.of().formatHex(tx.bytes())))))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            response -> {
              if (response.statusCode() == 503 && attempt < 100) {
                return CompletableFuture.runAsync(
                        () -> {},
                        CompletableFuture.delayedExecutor(
                            50, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(v -> send(client, tx, attempt + 1));
              }
              assertThat(response.statusCode())
                  .as("%s: %s", tx.id(), response.body())
                  .isIn(200, 201);
              return CompletableFuture.completedFuture(null);
            });
  }

  /**
   * Has the node complete {@code count} data records ({@code POST /api/v1/transactions/data}), so
   * their parents come from its tip selection; returns their ids.
   */
  public List<TransactionId> completeRecords(String tag, int count) {
    List<TransactionId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Http.Answer made =
          http.post(
              "/api/v1/transactions/data",
              Http.json(Map.of("tag", tag, "data", tag + " " + i)),
              TestNodes.WRITE_TOKEN);
      assertThat(made.status()).as(made.toString()).isEqualTo(201);
      ids.add(TransactionId.fromHex(made.json().path("id").asText()));
    }
    return ids;
  }

  /** The value of a counter of {@code /metrics} whose line starts with {@code prefix}. */
  public double metric(String prefix) {
    return http.get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0);
  }

  /** 200 ms, longer for a long-mode list (each poll reads every transaction's metadata). */
  private static Duration poll(List<TransactionId> ids) {
    return Duration.ofMillis(Math.max(200, ids.size() / 500));
  }

  /** The latest milestone this node has confirmed. */
  public int confirmedMilestone() {
    return node.consensus().confirmer().confirmedIndex();
  }

  /** Waits until every one of {@code ids} is solid; returns the confirmed milestone just then. */
  public int awaitSolid(List<TransactionId> ids, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(poll(ids))
        .untilAsserted(
            () ->
                assertThat(ids.stream().filter(id -> !metadata(id).solid()).count())
                    .as("transactions not solid yet")
                    .isZero());
    return confirmedMilestone();
  }

  /**
   * Waits until every one of {@code ids} is confirmed and checks that none took more than {@code
   * milestones} milestones after {@code solidAt} (the confirmed milestone when all were solid).
   * Returns the highest confirming index.
   */
  public int awaitConfirmedWithin(
      List<TransactionId> ids, int solidAt, int milestones, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(poll(ids))
        .untilAsserted(
            () ->
                assertThat(ids.stream().filter(id -> !metadata(id).referenced()).count())
                    .as(
                        "transactions not confirmed yet (confirmed milestone %d, tip pool %s)",
                        confirmedMilestone(), http.get("/api/v1/tips?limit=8").body())
                    .isZero());
    int last = 0;
    java.util.SortedMap<Integer, Integer> perMilestone = new java.util.TreeMap<>();
    for (TransactionId id : ids) {
      OptionalInt index = metadata(id).referencedByMilestone();
      last = Math.max(last, index.orElseThrow());
      perMilestone.merge(index.orElseThrow(), 1, Integer::sum);
    }
    assertThat(last - solidAt)
        .as(
            "milestones after the last transaction became solid (at %d); confirmed per milestone %s",
            solidAt, perMilestone)
        .isLessThanOrEqualTo(milestones);
    return last;
  }

  /**
   * Checks what {@code GET /api/v1/tips} answers: each tip is stored and solid, has no solid
   * approver, and is the network's latest milestone or unconfirmed; and every transaction of {@code
   * known} that is solid without a solid approver is listed. Retried for a few seconds, since a new
   * milestone can land between the reads.
   */
  public void assertPoolHoldsOnlyTips(List<TransactionId> known) {
    TransactionStore store = node.store();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              var answer = http.get("/api/v1/tips?limit=1000").json();
              List<TransactionId> tips = new ArrayList<>();
              answer.path("tips").forEach(t -> tips.add(TransactionId.fromHex(t.asText())));
              assertThat(answer.path("count").asInt()).isEqualTo(tips.size());
              for (TransactionId tip : tips) {
                assertThat(metadata(tip).solid()).as("tip %s is solid", tip).isTrue();
                assertThat(store.approvers(tip).stream().filter(a -> metadata(a).solid()))
                    .as("solid approvers of tip %s", tip)
                    .isEmpty();
              }
              for (TransactionId id : known) {
                TransactionMetadata meta = metadata(id);
                boolean tip =
                    meta.solid()
                        && store.approvers(id).stream().noneMatch(a -> metadata(a).solid());
                assertThat(tips.contains(id)).as("%s is a tip: %s", id, tip).isEqualTo(tip);
              }
            });
  }

  private TransactionMetadata metadata(TransactionId id) {
    return node.store().metadata(id).orElseThrow(() -> new AssertionError("not stored: " + id));
  }

  @Override
  public void close() {
    node.close();
  }
}
