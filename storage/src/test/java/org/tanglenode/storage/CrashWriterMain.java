package org.tanglenode.storage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.tanglenode.protocol.TransactionId;

/**
 * The writer of the crash test, run in its own JVM and killed with SIGKILL at random moments.
 *
 * <p>Arguments: database folder, random seed, how many transactions to write at most, and {@code
 * group} (fsync every group) or {@code periodic} (fsync every 100 ms; acknowledged writes must
 * still survive a kill of the process). Prints {@code READY} once the database is open, then {@code
 * D <id>} for each transaction only after its store future completed (that is, after the batch
 * holding it was fsynced), and {@code S <id>} after an update marking it solid was applied. After
 * the limit it keeps updating metadata until killed.
 */
public final class CrashWriterMain {

  private static final int PRODUCERS = 3;
  private static final int IN_FLIGHT_PER_PRODUCER = 64;

  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int limit = Integer.parseInt(args[2]);
    PrintStream out = System.out;
    StorageConfig config = StorageFixture.config(folder);
    if (args[3].equals("periodic")) {
      config = config.withDurability(Durability.syncEvery(java.time.Duration.ofMillis(100)));
    }
    Storage storage = StorageFixture.open(config); // never closed: the process is killed
    TransactionStore store = storage.transactions();
    RestartState restart = store.restartState();
    report(out, "READY");

    List<TransactionId> recent = new ArrayList<>(restart.tips());
    AtomicInteger written = new AtomicInteger();
    AtomicInteger nextMilestone = new AtomicInteger(restart.latestMilestone() + 1);
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      TransactionFixture fixture = new TransactionFixture(seed * 31 + p);
      Random random = new Random(seed * 17 + p);
      int producer = p;
      producers.add(
          new Thread(
              () -> {
                Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_PRODUCER);
                while (written.incrementAndGet() <= limit) {
                  TransactionFixture.Builder builder = fixture.builder();
                  synchronized (recent) {
                    int parents = recent.isEmpty() ? 0 : 1 + random.nextInt(3);
                    for (int i = 0; i < parents; i++) {
                      builder.parent(recent.get(random.nextInt(recent.size())));
                    }
                  }
                  if (producer == 0 && random.nextInt(40) == 0) {
                    builder.milestone(nextMilestone.getAndIncrement());
                  } else if (random.nextInt(3) > 0) {
                    builder.tag("trail-" + random.nextInt(5));
                  }
                  if (producer == 1 && random.nextInt(20) == 0) {
                    // A child before its parent: the parent is awaited until it is stored (it
                    // may never be, if the kill comes first), and then is no tip.
                    StorableTransaction parent = fixture.data(List.of());
                    builder.parent(parent.id());
                    StorableTransaction child = builder.build();
                    inFlight.acquireUninterruptibly();
                    inFlight.acquireUninterruptibly();
                    storeAndReport(store, out, recent, inFlight, child);
                    storeAndReport(store, out, recent, inFlight, parent);
                    continue;
                  }
                  if (producer == 2 && random.nextInt(50) == 0) {
                    builder.parent(fixture.randomId()); // a parent that never comes
                  }
                  StorableTransaction tx = builder.build();
                  inFlight.acquireUninterruptibly();
                  store
                      .store(tx)
                      .whenComplete(
                          (outcome, failure) -> {
                            inFlight.release();
                            if (failure == null && outcome.code() == StoreOutcome.Code.STORED) {
                              report(out, "D " + tx.id().toHex());
                              synchronized (recent) {
                                recent.add(tx.id());
                                if (recent.size() > 50) {
                                  recent.remove(0);
                                }
                              }
                            }
                          });
                  if (random.nextInt(10) == 0) {
                    markSolid(store, out, recent, random);
                  }
                }
                while (true) {
                  markSolid(store, out, recent, random);
                  try {
                    Thread.sleep(2);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "producer-" + p));
    }
    producers.forEach(Thread::start);
    for (Thread producer : producers) {
      producer.join();
    }
  }

  private static void storeAndReport(
      TransactionStore store,
      PrintStream out,
      List<TransactionId> recent,
      Semaphore inFlight,
      StorableTransaction tx) {
    store
        .store(tx)
        .whenComplete(
            (outcome, failure) -> {
              inFlight.release();
              if (failure == null && outcome.code() == StoreOutcome.Code.STORED) {
                report(out, "D " + tx.id().toHex());
                synchronized (recent) {
                  recent.add(tx.id());
                  if (recent.size() > 50) {
                    recent.remove(0);
                  }
                }
              }
            });
  }

  private static void markSolid(
      TransactionStore store, PrintStream out, List<TransactionId> recent, Random random) {
    TransactionId id;
    synchronized (recent) {
      if (recent.isEmpty()) {
        return;
      }
      id = recent.get(random.nextInt(recent.size()));
    }
    store
        .update(StateUpdate.builder().markSolid(id).build())
        .thenAccept(
            outcome -> {
              if (outcome.code() == UpdateOutcome.Code.APPLIED) {
                report(out, "S " + id.toHex());
              }
            });
  }

  private static void report(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
