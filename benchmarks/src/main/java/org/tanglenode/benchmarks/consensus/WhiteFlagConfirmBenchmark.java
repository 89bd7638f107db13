package org.tanglenode.benchmarks.consensus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.consensus.confirmation.ConfirmationOutcome;
import org.tanglenode.consensus.confirmation.MilestoneConfirmer;
import org.tanglenode.consensus.ledger.Ledger;
import org.tanglenode.consensus.milestone.MilestoneCommitments;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionBuilder;
import org.tanglenode.storage.Durability;
import org.tanglenode.storage.StorableTransaction;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageConfig;
import org.tanglenode.storage.StoreOutcome;

/**
 * A milestone over {@code size} new transactions stored in RocksDB, every {@code transferEvery}-th
 * a signed transfer:
 *
 * <ul>
 *   <li>{@code commitments}: what the coordinator computes (cone walk over storage, decoding each
 *       transaction, confirmed root, history root after staging the cone); repeatable, so measured
 *       as average time;
 *   <li>{@code confirm}: checking and applying the milestone (the same, plus its signatures, the
 *       ledger with one signature check per transfer, and the one atomic batch of marks, ledger
 *       diff and history nodes, fsynced); it changes the database, so each measurement is one
 *       confirmation of a freshly filled database (single shot).
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WhiteFlagConfirmBenchmark extends BenchmarkBase {

  @Param({"10000"})
  int size;

  @Param({"10"})
  int transferEvery;

  private ConeFixture fixture;
  private Path folder;
  private Storage storage;
  private MilestoneConfirmer confirmer;
  private Transaction milestone;

  @Setup(Level.Iteration)
  public void fill() {
    if (fixture == null) {
      fixture = new ConeFixture(size, transferEvery, SEED);
    }
    folder = ConeFixture.tempFolder();
    storage =
        Storage.open(
            StorageConfig.defaults(folder)
                .withDurability(Durability.syncEvery(Duration.ofMillis(100))),
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    List<CompletableFuture<StoreOutcome>> pending = new ArrayList<>();
    for (Transaction tx : fixture.transactions) {
      pending.add(storage.transactions().store(StorableTransaction.from(tx)));
    }
    pending.forEach(CompletableFuture::join);
    Ledger ledger = new Ledger(fixture.network, storage.transactions());
    ledger.start();
    confirmer =
        new MilestoneConfirmer(
            fixture.network,
            storage.transactions(),
            ledger,
            storage.transactions()::update,
            new SimpleMeterRegistry());
    confirmer.start();
    List<org.tanglenode.protocol.TransactionId> parents = fixture.milestoneParents();
    Payload.Milestone c =
        ((MilestoneCommitments.Draft.Ready) confirmer.next(parents)).commitments();
    milestone =
        new TransactionBuilder(fixture.network.shortId())
            .parents(parents)
            .issuer(ConeFixture.key(101).publicKey())
            .timestampMs(ConeFixture.T0 + 1_000_000)
            .payload(
                new Payload.Milestone(
                    1, c.previous(), c.confirmedRoot(), c.historyRoot(), c.historySize()))
            .build()
            .sign(ConeFixture.key(101))
            .complete(0);
    // Stored without its milestone index, so the coordinator's preview still sees milestone 1
    // as the next one to issue; confirm() does not need the index.
    storage
        .transactions()
        .store(
            new StorableTransaction(
                milestone.id(),
                milestone.bytes(),
                milestone.parents(),
                milestone.tag(),
                milestone.timestampMs(),
                OptionalInt.empty()))
        .join();
  }

  @TearDown(Level.Iteration)
  public void close() {
    storage.close();
    ConeFixture.delete(folder);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public MilestoneCommitments.Draft commitments() {
    return confirmer.next(fixture.milestoneParents());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  public ConfirmationOutcome confirm() {
    ConfirmationOutcome outcome = confirmer.confirm(milestone);
    if (outcome.code() != ConfirmationOutcome.Code.CONFIRMED) {
      throw new IllegalStateException("not confirmed: " + outcome);
    }
    return outcome;
  }
}
