package org.tanglenode.benchmarks.gossip;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.Gossip;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.gossip.GossipHost;
import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.gossip.OfferResult;
import org.tanglenode.gossip.PeerAddress;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.genesis.Network;

/**
 * Transactions per second that one gossip connection carries on loopback: node A broadcasts, node B
 * receives, frames, decodes, hashes, filters and offers each one to a host that only counts. What
 * is timed is gossip alone (no validation or storage behind it). The sender keeps at most {@code
 * WINDOW} transactions unacknowledged, as a node broadcasting at its ingest rate would, so nothing
 * is dropped at the write-buffer high mark (raised to 16 MiB, above the window of 4000 of the
 * largest transactions with Netty's per-message overhead). Rate limits are lifted for the
 * measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class GossipThroughputBenchmark {

  static final int BATCH = 20_000;
  static final int WINDOW = 4_000;

  /** Bytes per transaction: 215 is a document anchor (docs/protocol.md), 1200 a bigger record. */
  @Param({"215", "1200"})
  public int size;

  private Gossip sender;
  private Gossip receiver;
  private final AtomicLong received = new AtomicLong();
  private long sent;
  private final SplittableRandom random = new SplittableRandom(42);
  private byte[][] batch;
  private TransactionId[] ids;

  /** Counts what arrives; the benchmark times transport only. */
  private final class CountingHost implements GossipHost {
    @Override
    public CompletionStage<OfferResult> offer(
        TransactionId id, byte[] bytes, Ed25519PublicKey from) {
      received.incrementAndGet();
      return CompletableFuture.completedFuture(OfferResult.ACCEPTED);
    }

    @Override
    public Optional<byte[]> transaction(TransactionId id) {
      return Optional.empty();
    }

    @Override
    public boolean isKnown(TransactionId id) {
      return false;
    }

    @Override
    public Optional<byte[]> milestone(int index) {
      return Optional.empty();
    }

    @Override
    public MilestoneIndexes milestoneIndexes() {
      return MilestoneIndexes.NONE;
    }
  }

  private static Ed25519PrivateKey key(int n) {
    byte[] seed = new byte[32];
    java.util.Arrays.fill(seed, (byte) n);
    return Ed25519PrivateKey.fromSeed(seed);
  }

  @Setup(Level.Trial)
  public void start() {
    Network network =
        GenesisFile.parse(
            GenesisFile.encode(
                new Genesis(
                    "bench",
                    "tst",
                    0,
                    1_000,
                    1_704_067_200_000L,
                    new Committee(List.of(key(101).publicKey()), 1),
                    Limits.DEFAULT,
                    List.of())));
    GossipConfig config =
        GossipConfig.builder()
            .bindHost("127.0.0.1")
            .port(0)
            .maxMessagesPerSecond(1_000_000_000)
            .maxBytesPerSecond(1L << 40)
            .writeBufferLowBytes(8 << 20)
            .writeBufferHighBytes(16 << 20)
            .heartbeatInterval(Duration.ofSeconds(1))
            .build();
    receiver =
        new Gossip(
            config,
            network,
            key(1),
            new CountingHost(),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            new Random(1));
    receiver.start();
    sender =
        new Gossip(
            config.toBuilder()
                .staticPeers(
                    List.of(new PeerAddress("127.0.0.1", receiver.localAddress().getPort())))
                .build(),
            network,
            key(2),
            new CountingHost(),
            new SimpleMeterRegistry(),
            Clock.systemUTC(),
            new Random(2));
    sender.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sender.peers().isEmpty() || receiver.peers().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the two nodes did not connect");
      }
      Thread.onSpinWait();
    }
  }

  @Setup(Level.Invocation)
  public void prepareBatch() {
    batch = new byte[BATCH][];
    ids = new TransactionId[BATCH];
    for (int i = 0; i < BATCH; i++) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      batch[i] = bytes;
      ids[i] = TransactionId.of(bytes);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void broadcastOverOneConnection(Blackhole blackhole) {
    for (int i = 0; i < BATCH; i++) {
      while (sent - received.get() >= WINDOW) {
        Thread.onSpinWait();
      }
      sender.broadcast(ids[i], batch[i]);
      sent++;
    }
    while (received.get() < sent) {
      Thread.onSpinWait();
    }
    blackhole.consume(received.get());
  }

  @TearDown(Level.Trial)
  public void stop() {
    sender.close();
    receiver.close();
  }
}
