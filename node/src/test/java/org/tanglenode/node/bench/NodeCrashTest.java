package org.tanglenode.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-node crash harness (issue 15): one node with the coordinator in its own JVM (the launcher
 * of {@code tangle bench}), a real RocksDB folder, default durability ({@code every-group}), under
 * write load over REST from two writers, SIGKILLed at random moments and restarted on the same
 * folder.
 *
 * <p>The load is data transactions made by {@link TransactionGenerator} in batches of {@link
 * #BATCH}, each a DAG of its own from the genesis root with random parents, shuffled within blocks
 * of 64 ({@link ParentsPattern#OUT_OF_ORDER}); writer 0 sends the even positions, writer 1 the odd
 * ones, each at its own pace, so children often arrive before their parents, from either writer. A
 * writer behaves as a client should: a transaction is done when the node answers 201 (stored) or
 * 200 (known); a refused connection, a timeout or a 503 is retried against the node as it is now
 * (after a restart its ports are new), so a transaction in flight at the kill is sent again.
 *
 * <p>Each kill comes after a random pause following the previous restart, once 30 to 269 more
 * transactions are acknowledged; the writers may run only 30 past that point, so every kill lands
 * during load, in the middle of group commits. After each restart, every transaction acknowledged
 * before the kill must be stored ({@code GET .../metadata} answers 200). After the last restart the
 * writers finish every batch, and every transaction must be solid and confirmed (not conflicting)
 * within {@link #MILESTONE_BOUND} milestones of the last acknowledgement: the node's invariant,
 * docs/consensus.md section 8.
 *
 * <p>5 kills by default (about a minute); the long mode is {@code -Dtangle.crash.kills=50}
 * (docs/reliability.md).
 */
class NodeCrashTest {

  /** Kills in one run; {@code -Dtangle.crash.kills=N} for the long mode. */
  private static final int KILLS = Integer.getInteger("tangle.crash.kills", 5);

  /** Transactions per generated batch (each its own DAG from the genesis root). */
  private static final int BATCH = 300;

  private static final long MILESTONE_MS = 200;

  /**
   * Milestones after the last acknowledgement within which every transaction is confirmed. The
   * coordinator's parent choice drains a backlog over several milestones (tip-selection.md); what
   * is left at the end is at most two batches.
   */
  private static final int MILESTONE_BOUND = 100;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** The node's API as it is now; null while it is down. */
  private final AtomicReference<URI> api = new AtomicReference<>();

  /** Ids the node acknowledged (201 or 200), in hex. */
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

  /**
   * The writers send only while fewer than this many are acknowledged: it is set a little past each
   * kill's point, so the writers, who keep sending while the node restarts and is checked, neither
   * run out of transactions before the last kills nor wait idle at a kill.
   */
  private final AtomicInteger ceiling = new AtomicInteger(BATCH);

  private final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
  private final AtomicInteger lastAckMilestone = new AtomicInteger();

  /** The node now running, closed after the test whatever its outcome. */
  private NodeProcess node;

  /** Set after the test so writers of a failed run stop instead of retrying for good. */
  private volatile boolean stopped;

  @AfterEach
  void stopNodeAndWriters() {
    stopped = true;
    if (node != null) {
      node.close();
    }
  }

  @Test
  void sigkillDuringWriteLoadLosesNoAcknowledgedTransactionAndEverythingIsConfirmed(
      @TempDir Path dir) throws Exception {
    Random random = new Random();
    BenchNetwork network = BenchNetwork.create(dir, 0, MILESTONE_MS);
    Path config = network.nodeConfig("node", true, List.of(), "every-group");
    List<GeneratedTransaction> all = new ArrayList<>();
    // Each kill lets at most a batch more be acknowledged (see the ceiling), so KILLS + 2 batches
    // leave the writers something to send at the last kill.
    for (int batch = 0; batch < KILLS + 2; batch++) {
      all.addAll(
          new TransactionGenerator(network.network(), network.issuers(), random.nextLong())
              .generate(BATCH, 300, ParentsPattern.OUT_OF_ORDER));
    }

    if (KILLS == 0) {
      ceiling.set(Integer.MAX_VALUE);
    }
    node = start(config);
    long lastStart = System.nanoTime();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      List<GeneratedTransaction> own = new ArrayList<>();
      for (int i = w; i < all.size(); i += 2) {
        own.add(all.get(i));
      }
      Thread writer = new Thread(() -> write(own), "crash-writer-" + w);
      writer.setDaemon(true);
      writer.start();
      writers.add(writer);
    }

    int checked = 0;
    List<Integer> lostPerRestart = new ArrayList<>();
    List<Integer> acknowledgedAtKill = new ArrayList<>();
    List<Long> restartMs = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      // A random moment: a random pause after the restart (and its check), then a random number
      // of further acknowledgements; the ceiling lets the writers run just past it, so they are
      // sending when it comes.
      Thread.sleep(random.nextInt(1000));
      int at = acknowledged.size() + BATCH / 10 + random.nextInt(BATCH * 8 / 10);
      ceiling.set(at + BATCH / 10);
      while (acknowledged.size() < at) {
        failIfWriterFailed();
        Thread.sleep(1);
      }
      api.set(null);
      node.kill();
      if (kill + 1 == KILLS) {
        ceiling.set(Integer.MAX_VALUE);
      }
      Set<String> before = new HashSet<>(acknowledged);
      acknowledgedAtKill.add(before.size());
      assertThat(before.size())
          .as("the writers were still sending at kill %d", kill + 1)
          .isLessThan(all.size());
      long restarting = System.nanoTime();
      node = start(config);
      lastStart = System.nanoTime();
      restartMs.add((lastStart - restarting) / 1_000_000);
      List<String> missing = notStored(before);
      lostPerRestart.add(missing.size());
      checked += before.size();
      assertThat(missing)
          .as(
              "acknowledged before kill %d (of %d acknowledged) but not stored after restart",
              kill + 1, before.size())
          .isEmpty();
    }

    for (Thread writer : writers) {
      writer.join(TimeUnit.MINUTES.toMillis(5));
      assertThat(writer.isAlive()).as("writer still sending after 5 minutes").isFalse();
    }
    failIfWriterFailed();
    assertThat(acknowledged).hasSize(all.size());
    int lastAck = lastAckMilestone.get();

    double toAcknowledgeAll = (System.nanoTime() - lastStart) / 1e9;

    Set<String> unconfirmed = new HashSet<>(acknowledged);
    int confirmedMilestone = info().path("milestones").path("confirmed").asInt();
    while (!unconfirmed.isEmpty() && confirmedMilestone <= lastAck + MILESTONE_BOUND) {
      // Read the milestone first: everything found confirmed below was confirmed by this one at
      // the latest, so the bound is not overstated.
      confirmedMilestone = info().path("milestones").path("confirmed").asInt();
      for (var it = unconfirmed.iterator(); it.hasNext(); ) {
        JsonNode metadata = metadata(it.next());
        assertThat(metadata).as("metadata").isNotNull();
        assertThat(metadata.path("conflicting").asBoolean()).as("conflicting").isFalse();
        if (metadata.path("confirmed").asBoolean() && metadata.path("solid").asBoolean()) {
          it.remove();
        }
      }
      if (!unconfirmed.isEmpty()) {
        Thread.sleep(MILESTONE_MS);
      }
    }
    double toConfirm = (System.nanoTime() - lastStart) / 1e9;

    System.out.printf(
        "crash harness: kills=%d acknowledged=%d acknowledgedAtKill=%s checkedAfterRestarts=%d"
            + " lostPerRestart=%s restartMs=%s lastAckMilestone=%d confirmedMilestone=%d"
            + " unconfirmed=%d secondsFromLastRestartToAllAcknowledged=%.1f"
            + " secondsFromLastRestartToAllConfirmed=%.1f%n",
        KILLS,
        acknowledged.size(),
        acknowledgedAtKill,
        checked,
        lostPerRestart,
        restartMs,
        lastAck,
        confirmedMilestone,
        unconfirmed.size(),
        toAcknowledgeAll,
        toConfirm);
    assertThat(unconfirmed)
        .as(
            "not solid and confirmed within %d milestones of the last acknowledgement (%d)",
            MILESTONE_BOUND, lastAck)
        .isEmpty();
  }

  private NodeProcess start(Path config) {
    NodeProcess node =
        NodeProcess.start("node", config, List.of("-Xms256m", "-Xmx256m"), START_TIMEOUT);
    api.set(node.api());
    return node;
  }

  /** Sends each transaction until the node acknowledges it; see the class comment. */
  private void write(List<GeneratedTransaction> transactions) {
    try {
      for (GeneratedTransaction tx : transactions) {
        while (acknowledged.size() >= ceiling.get() && !stopped) {
          Thread.sleep(5);
        }
        String body = "{\"base64\":\"" + Base64.getEncoder().encodeToString(tx.bytes()) + "\"}";
        while (!stopped) {
          URI now = api.get();
          int status = now == null ? -1 : submit(now, body);
          if (status == 201 || status == 200) {
            acknowledged.add(tx.id().toHex());
            break;
          }
          if (status >= 0 && status != 503) {
            throw new AssertionError("POST answered " + status + " for " + tx.id().toHex());
          }
          Thread.sleep(20);
        }
      }
      int latest = latestMilestoneWhenUp();
      lastAckMilestone.accumulateAndGet(latest, Math::max);
    } catch (Throwable t) {
      writerFailure.compareAndSet(null, t);
    }
  }

  /** The status, or -1 when the node did not answer (down, or killed mid-request). */
  private int submit(URI node, String body) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(node.resolve("/api/v1/transactions"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private int latestMilestoneWhenUp() throws InterruptedException {
    while (true) {
      try {
        return info().path("milestones").path("latest").asInt();
      } catch (IllegalStateException e) {
        Thread.sleep(20);
      }
    }
  }

  /** The ids whose metadata answers 404, read 8 at a time so thousands take a second or two. */
  private List<String> notStored(Set<String> ids) throws Exception {
    List<String> missing = new CopyOnWriteArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (String id : ids) {
        reads.add(
            readers.submit(
                () -> {
                  if (metadata(id) == null) {
                    missing.add(id);
                  }
                  return null;
                }));
      }
      for (Future<?> read : reads) {
        read.get();
      }
    } finally {
      readers.shutdownNow();
    }
    return missing;
  }

  /** The metadata, or null on 404. */
  private JsonNode metadata(String idHex) throws InterruptedException {
    return get("/api/v1/transactions/" + idHex + "/metadata");
  }

  private JsonNode info() throws InterruptedException {
    return get("/api/v1/info");
  }

  private JsonNode get(String path) throws InterruptedException {
    URI now = api.get();
    if (now == null) {
      throw new IllegalStateException("node is down");
    }
    HttpRequest request =
        HttpRequest.newBuilder(now.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    }
  }

  private void failIfWriterFailed() {
    Throwable failure = writerFailure.get();
    if (failure != null) {
      throw new AssertionError("a writer failed", failure);
    }
  }
}
