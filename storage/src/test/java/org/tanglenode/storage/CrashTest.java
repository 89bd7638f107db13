package org.tanglenode.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.schema.ApproverKey;
import org.tanglenode.storage.schema.ApproverKeyCodec;
import org.tanglenode.storage.schema.Column;
import org.tanglenode.storage.schema.TagKey;
import org.tanglenode.storage.schema.TagKeyCodec;
import org.tanglenode.storage.schema.TransactionIdCodec;
import org.tanglenode.storage.schema.UInt32Codec;

/**
 * Kills a writer in another JVM with SIGKILL at random moments, reopens the database after each
 * kill and checks that every transaction the writer reported durable is there and readable, that
 * every reported metadata update is there, and that all indexes agree with the transactions in both
 * directions (nothing indexed that is not stored, nothing stored that is not indexed).
 *
 * <p>Every third run uses the periodic-sync durability, which promises the same for a kill of the
 * process (not for a power cut). {@code -Dtangle.storage.crash.rounds=N} changes the number of
 * kills (default 21).
 */
class CrashTest {

  private static final int ROUNDS = Integer.getInteger("tangle.storage.crash.rounds", 21);
  private static final int PER_RUN_LIMIT = 3_000;

  @TempDir Path folder;

  @Test
  void everyReportedWriteSurvivesSigkillAndTheIndexesAgree() throws Exception {
    Path db = folder.resolve("db");
    Random random = new Random(20261124L);
    Set<TransactionId> durable = new HashSet<>();
    Set<TransactionId> solid = new HashSet<>();
    int killedBeforeReady = 0;
    int killedWhileWriting = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Process writer =
          JavaProcess.start(
              CrashWriterMain.class,
              db.toString(),
              Long.toString(round),
              Integer.toString(PER_RUN_LIMIT),
              round % 3 == 2 ? "periodic" : "group");
      Reports reports = new Reports(writer);
      reports.start();
      if (round % 5 == 4) {
        // Some kills land while the JVM starts or RocksDB opens and recovers.
        Thread.sleep(random.nextInt(600));
      } else {
        reports.awaitReady(30_000);
        Thread.sleep(20 + random.nextInt(500));
      }
      writer.destroyForcibly(); // SIGKILL on Linux
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reports.join(10_000);
      if (!reports.ready) {
        killedBeforeReady++;
      }
      if (!reports.durable.isEmpty()) {
        killedWhileWriting++;
      }
      durable.addAll(reports.durable);
      solid.addAll(reports.solid);

      try (Storage storage = StorageFixture.open(db)) {
        verify(storage, durable, solid, round);
      }
    }
    // The kills must land on a writer that is writing, or the test shows nothing; how much it
    // writes before a kill depends on the machine's load, so count rounds, not writes.
    assertThat(killedWhileWriting)
        .as("rounds whose writer had reported durable writes when killed")
        .isGreaterThanOrEqualTo(ROUNDS / 3);
    System.out.printf(
        "crash test: %d kills (%d before the database was open), %d durable writes and %d solid"
            + " marks reported, all present%n",
        ROUNDS, killedBeforeReady, durable.size(), solid.size());
  }

  private static void verify(
      Storage storage, Set<TransactionId> durable, Set<TransactionId> solid, int round) {
    TransactionStore store = storage.transactions();
    String when = "after kill " + (round + 1);
    for (TransactionId id : durable) {
      byte[] bytes = store.transactionBytes(id).orElse(null);
      assertThat(bytes).as("%s: reported durable %s is present", when, id).isNotNull();
      assertThat(TransactionId.of(bytes)).as("%s: %s reads back intact", when, id).isEqualTo(id);
    }
    for (TransactionId id : solid) {
      assertThat(store.metadata(id)).as("%s: %s metadata", when, id).isPresent();
      assertThat(store.metadata(id).orElseThrow().solid()).as("%s: %s solid", when, id).isTrue();
    }
    checkIndexesAgree(storage, when);
  }

  /** Every index entry matches a stored transaction and every stored transaction is indexed. */
  private static void checkIndexesAgree(Storage storage, String when) {
    TransactionStore store = storage.transactions();
    TransactionIdCodec ids = new TransactionIdCodec();
    ApproverKeyCodec approverCodec = new ApproverKeyCodec();
    TagKeyCodec tagCodec = new TagKeyCodec();
    UInt32Codec uint32 = new UInt32Codec();
    Map<TransactionId, StorableTransaction> stored = new HashMap<>();
    StoredKeys.forEachTransactionId(
        storage,
        id -> {
          StorableTransaction tx =
              TransactionFixture.parse(store.transactionBytes(id).orElseThrow());
          assertThat(tx.id()).as("%s: stored under its own id", when).isEqualTo(id);
          stored.put(id, tx);
          return true;
        });
    assertThat(store.transactionCount()).as("%s: the count", when).isEqualTo(stored.size());

    // A metadata row is written only on a change (solid, referenced): never for an id not stored,
    // and every stored transaction answers metadata (its arrival time from its value).
    Set<TransactionId> withMetadata = new HashSet<>();
    StoredKeys.forEachKey(storage, Column.METADATA, key -> withMetadata.add(ids.decode(key)));
    assertThat(stored.keySet())
        .as("%s: metadata rows of stored ids", when)
        .containsAll(withMetadata);
    for (TransactionId id : stored.keySet()) {
      assertThat(store.metadata(id)).as("%s: metadata of %s", when, id).isPresent();
    }

    Set<ApproverKey> approvers = new HashSet<>();
    StoredKeys.forEachKey(
        storage, Column.APPROVERS, key -> approvers.add(approverCodec.decode(key)));
    Set<ApproverKey> expectedApprovers = new HashSet<>();
    Set<TagKey> expectedTags = new HashSet<>();
    Map<Integer, List<TransactionId>> milestones = new HashMap<>();
    for (StorableTransaction tx : stored.values()) {
      tx.parents().forEach(p -> expectedApprovers.add(new ApproverKey(p, tx.id())));
      tx.tag().ifPresent(t -> expectedTags.add(new TagKey(t, tx.timestampMs(), tx.id())));
      tx.milestoneIndex()
          .ifPresent(i -> milestones.computeIfAbsent(i, k -> new ArrayList<>()).add(tx.id()));
    }
    assertThat(approvers).as("%s: approver entries", when).isEqualTo(expectedApprovers);

    Set<TagKey> tags = new HashSet<>();
    StoredKeys.forEachKey(storage, Column.TAGS, key -> tags.add(tagCodec.decode(key)));
    assertThat(tags).as("%s: tag entries", when).isEqualTo(expectedTags);

    Map<Integer, TransactionId> indexed = new HashMap<>();
    for (Integer index : milestones.keySet()) {
      indexed.put(index, store.milestone(index).orElse(null));
    }
    for (Map.Entry<Integer, TransactionId> entry : indexed.entrySet()) {
      assertThat(milestones.get(entry.getKey()))
          .as("%s: milestone %d indexed to one of its transactions", when, entry.getKey())
          .contains(entry.getValue());
    }
    long[] milestoneEntries = new long[1];
    StoredKeys.forEachKey(
        storage,
        Column.MILESTONES,
        key -> {
          assertThat(milestones).containsKey(uint32.decode(key));
          milestoneEntries[0]++;
          return true;
        });
    assertThat(store.milestoneCount())
        .as("%s: milestone count", when)
        .isEqualTo(milestoneEntries[0]);

    Set<TransactionId> approved = new HashSet<>();
    expectedApprovers.forEach(a -> approved.add(a.parent()));
    Set<TransactionId> expectedTips = new HashSet<>(stored.keySet());
    expectedTips.removeAll(approved);
    assertThat(store.restartState().tips()).as("%s: tips", when).isEqualTo(expectedTips);

    // Awaited parents: approved by a stored transaction, not stored themselves.
    Set<TransactionId> expectedAwaited = new HashSet<>(approved);
    expectedAwaited.removeAll(stored.keySet());
    Set<TransactionId> awaited = new HashSet<>();
    StoredKeys.forEachKey(storage, Column.AWAITED_PARENTS, key -> awaited.add(ids.decode(key)));
    assertThat(awaited).as("%s: awaited parents", when).isEqualTo(expectedAwaited);
  }

  /** Reads the writer's reports on a thread; a line cut by the kill is ignored. */
  private static final class Reports extends Thread {
    private final Process process;
    final Set<TransactionId> durable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final Set<TransactionId> solid = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile boolean ready;

    Reports(Process process) {
      this.process = process;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.equals("READY")) {
            synchronized (this) {
              ready = true;
              notifyAll();
            }
          } else if (line.length() == 2 + 64 && line.charAt(1) == ' ') {
            TransactionId id = new TransactionId(HexFormat.of().parseHex(line, 2, line.length()));
            (line.charAt(0) == 'D' ? durable : solid).add(id);
          }
        }
      } catch (IOException | IllegalArgumentException e) {
        // the stream ends with the process; a cut line is not a report
      }
    }

    synchronized void awaitReady(long millis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + millis;
      while (!ready && System.currentTimeMillis() < deadline && process.isAlive()) {
        wait(100);
      }
      assertThat(ready).as("the writer opened the database").isTrue();
    }
  }
}
