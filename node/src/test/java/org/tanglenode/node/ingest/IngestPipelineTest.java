package org.tanglenode.node.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.milestone.MilestoneValidator;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.OfferResult;
import org.tanglenode.node.config.IngestConfig;
import org.tanglenode.node.view.StoreMilestones;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TestTransactions;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.storage.RocksDbSettings;
import org.tanglenode.storage.Storage;
import org.tanglenode.storage.StorageConfig;

/** The ingest pipeline on real storage in a temp folder. */
class IngestPipelineTest {

  private static final Ed25519PublicKey PEER = TestNetwork.key(9).publicKey();

  @TempDir Path dir;

  private final Network network = TestNetwork.network();
  private final TestTransactions transactions = new TestTransactions(network, 11);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private Storage storage(int writeQueue) {
    return Storage.open(
        StorageConfig.defaults(dir.resolve("db"))
            .withWriteQueueCapacity(writeQueue)
            .withGroup(1, Duration.ZERO)
            .withRocksDb(
                RocksDbSettings.defaults()
                    .withBlockCacheBytes(8 << 20)
                    .withWriteBufferBytes(1 << 20, 8 << 20)),
        meters,
        Clock.systemUTC());
  }

  private IngestPipeline pipeline(Storage storage, int queue, StoredListener listener) {
    return pipeline(storage, queue, listener, milestone -> true);
  }

  private IngestPipeline pipeline(
      Storage storage, int queue, StoredListener listener, MilestoneGate gate) {
    return new IngestPipeline(
        new IngestConfig(queue, 1, 1000, 16, 64, 1000),
        new TransactionValidator(network, Clock.systemUTC()),
        storage.transactions(),
        listener,
        gate,
        meters);
  }

  private Transaction milestone(org.tanglenode.crypto.sign.Ed25519PrivateKey key, int index) {
    return transactions.complete(
        transactions
            .builder(key)
            .payload(
                new org.tanglenode.protocol.Payload.Milestone(
                    index,
                    index == 1
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(transactions.randomId()),
                    new byte[32],
                    new byte[32],
                    0))
            .build()
            .sign(key));
  }

  @Test
  void aMilestoneThatFailsTheCommitteeCheckIsStoredButNotIndexed() throws Exception {
    MilestoneValidator validator = new MilestoneValidator(network);
    try (Storage storage = storage(100);
        IngestPipeline ingest =
            pipeline(storage, 100, tx -> {}, tx -> validator.checkSignatures(tx).isValid())) {
      ingest.start();
      Transaction forged = milestone(TestNetwork.key(5), 1);
      Transaction underSigned = milestone(TestNetwork.committeeKeys().get(0), 2);

      assertThat(result(ingest.submit(forged.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.STORED);
      assertThat(result(ingest.submit(underSigned.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.STORED);

      assertThat(storage.transactions().contains(forged.id())).isTrue();
      assertThat(storage.transactions().milestone(1)).isEmpty();
      assertThat(storage.transactions().milestone(2)).isEmpty();
    }
  }

  @Test
  void aMilestoneThatPassesTheGateIsIndexed() throws Exception {
    try (Storage storage = storage(100);
        IngestPipeline ingest = pipeline(storage, 100, tx -> {}, tx -> true)) {
      ingest.start();
      Transaction milestone = milestone(TestNetwork.committeeKeys().get(0), 1);

      assertThat(result(ingest.submit(milestone.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.STORED);
      assertThat(storage.transactions().milestone(1)).contains(milestone.id());
    }
  }

  @Test
  void aStoredMilestoneIsIndexedWhenACopyArrivesOnceTheGatePassesIt() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean committeeKnown =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (Storage storage = storage(100);
        IngestPipeline ingest = pipeline(storage, 100, tx -> {}, tx -> committeeKnown.get())) {
      ingest.start();
      Transaction milestone = milestone(TestNetwork.committeeKeys().get(0), 1);
      assertThat(result(ingest.submit(milestone.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.STORED);
      assertThat(storage.transactions().milestone(1)).isEmpty();

      committeeKnown.set(true);
      assertThat(result(ingest.submit(milestone.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.DUPLICATE);

      assertThat(storage.transactions().milestone(1)).contains(milestone.id());
    }
  }

  private static IngestResult result(java.util.concurrent.CompletionStage<IngestResult> stage)
      throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void throughAHandOffListenersRunOffTheWriterInStoreOrderBeforeTheAnswer() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Storage storage = storage(100);
        ListenerHandOff handOff = new ListenerHandOff(4, meters);
        IngestPipeline ingest =
            new IngestPipeline(
                new IngestConfig(100, 1, 1000, 16, 64, 4),
                new TransactionValidator(network, Clock.systemUTC()),
                storage.transactions(),
                tx -> events.add(Thread.currentThread().getName() + " " + tx.id()),
                handOff,
                milestone -> true,
                meters)) {
      handOff.start();
      ingest.start();
      List<Transaction> sent = new ArrayList<>();
      List<CompletableFuture<IngestResult>> answers = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Transaction tx = transactions.data(100);
        sent.add(tx);
        CompletableFuture<IngestResult> answer =
            ingest
                .submit(tx.bytes(), tx.id(), Source.GOSSIP)
                .toCompletableFuture()
                .whenComplete((r, e) -> events.add("answer " + tx.id()));
        answers.add(answer);
        result(answer); // one at a time, so the store order is the send order
      }

      for (CompletableFuture<IngestResult> answer : answers) {
        assertThat(answer.get().code()).isEqualTo(IngestResult.Code.STORED);
      }
      List<String> expected = new ArrayList<>();
      for (Transaction tx : sent) {
        expected.add("stored-listeners " + tx.id());
        expected.add("answer " + tx.id());
      }
      assertThat(events).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void validTransactionsAreStoredOnceAndListenersAreTold() throws Exception {
    List<Transaction> told = new CopyOnWriteArrayList<>();
    try (Storage storage = storage(100);
        IngestPipeline ingest = pipeline(storage, 100, told::add)) {
      ingest.start();
      Transaction tx = transactions.data(50);

      assertThat(result(ingest.submit(tx.bytes(), Source.API)).code())
          .isEqualTo(IngestResult.Code.STORED);
      assertThat(result(ingest.submit(tx.bytes(), Source.GOSSIP)).code())
          .isEqualTo(IngestResult.Code.DUPLICATE);
      assertThat(storage.transactions().contains(tx.id())).isTrue();
      assertThat(told).containsExactly(tx);
      assertThat(ingest.receivedCount()).isEqualTo(2);
      assertThat(ingest.storedCount()).isEqualTo(1);
    }
  }

  @Test
  void invalidTransactionsAreRefusedWithTheirReason() throws Exception {
    try (Storage storage = storage(100);
        IngestPipeline ingest = pipeline(storage, 100, tx -> {})) {
      ingest.start();
      IngestResult junk = result(ingest.submit(new byte[] {1, 2, 3}, Source.GOSSIP));
      assertThat(((IngestResult.Invalid) junk).reason()).isEqualTo(RejectReason.UNDECODABLE);

      Transaction tx = transactions.data(10);
      byte[] forged = tx.bytes();
      forged[forged.length - 5] ^= 1; // inside the signature, the last field
      IngestResult bad = result(ingest.submit(forged, Source.GOSSIP));
      assertThat(bad.code()).isEqualTo(IngestResult.Code.INVALID);
      assertThat(((IngestResult.Invalid) bad).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
      assertThat(
              meters.get("tangle.ingest.invalid").tag("reason", "BAD_SIGNATURE").counter().count())
          .isEqualTo(1);
    }
  }

  @Test
  void aFullQueueAnswersQueueFullAndGossipIsToldToWait() throws Exception {
    CountDownLatch writerHeld = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StoredListener holdTheWriter =
        tx -> {
          writerHeld.countDown();
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    try (Storage storage = storage(1);
        IngestPipeline ingest = pipeline(storage, 1, holdTheWriter)) {
      ingest.start();
      NodeGossipHost host =
          new NodeGossipHost(
              ingest, storage.transactions(), new StoreMilestones(storage.transactions()));
      List<CompletableFuture<IngestResult>> accepted = new ArrayList<>();
      // 1: stored, its listener holds the storage writer. 2: fills storage's queue of 1.
      // 3: a signature worker waits for room in storage. 4: waits in the ingest queue of 1.
      accepted.add(ingest.submit(transactions.data(10).bytes(), Source.API).toCompletableFuture());
      assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3; i++) {
        accepted.add(
            ingest.submit(transactions.data(10).bytes(), Source.API).toCompletableFuture());
        int expectedDepth = i == 2 ? 1 : 0;
        // The single worker takes 2 and 3 at once (3 then waits on storage); 4 stays queued.
        // Generous: it returns as soon as the depth is reached, and a loaded machine may be slow.
        await().atMost(Duration.ofSeconds(30)).until(() -> ingest.queueDepth() == expectedDepth);
      }

      Transaction fifth = transactions.data(10);
      assertThat(result(ingest.submit(fifth.bytes(), Source.API)).code())
          .isEqualTo(IngestResult.Code.QUEUE_FULL);
      OfferResult offered =
          host.offer(fifth.id(), transactions.data(10).bytes(), PEER)
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertThat(offered.code()).isEqualTo(OfferResult.Code.QUEUE_FULL);
      assertThat(meters.get("tangle.ingest.queue.rejected").counter().count()).isEqualTo(2);

      release.countDown();
      for (CompletableFuture<IngestResult> stage : accepted) {
        assertThat(stage.get(10, TimeUnit.SECONDS).code()).isEqualTo(IngestResult.Code.STORED);
      }
      assertThat(result(ingest.submit(fifth.bytes(), Source.API)).code())
          .isEqualTo(IngestResult.Code.STORED);
    }
  }

  @Test
  void aClosedPipelineRefusesWithoutChecking() throws Exception {
    try (Storage storage = storage(10)) {
      IngestPipeline ingest = pipeline(storage, 10, tx -> {});
      ingest.start();
      ingest.close();
      ingest.close();

      assertThat(result(ingest.submit(transactions.data(10).bytes(), Source.API)).code())
          .isEqualTo(IngestResult.Code.UNAVAILABLE);
    }
  }
}
