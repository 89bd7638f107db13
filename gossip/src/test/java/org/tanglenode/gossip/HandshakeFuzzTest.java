package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.gossip.wire.FrameTooLargeException;
import org.tanglenode.gossip.wire.MalformedMessageException;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.MessageCodec;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Network;

/**
 * Coverage-guided fuzzing of the handshake as an unauthenticated peer meets it: a byte stream, cut
 * into chunks, through the frame decoder, the envelope decoder and the {@link HandshakeHandler}
 * (the inbound pipeline of {@link GossipChannelInitializer} without its timers). The contract
 * (docs/reliability.md, "Fuzzing"): only typed refusals escape; nothing a peer sends passes the
 * handshake without a valid signature, so no peer is established and no message reaches the peer
 * handler; a connection the handler closes was told why with a refusal. Signing and verifying run
 * on a real one-thread {@link WorkerPool}; after each chunk the test waits for it, so a run is
 * deterministic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandshakeFuzzTest {

  private final Network network = TestNetwork.network();
  private final GossipConfig config =
      GossipConfig.builder().workerThreads(1).maxFrameBytes(8192).build();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private WorkerPool worker;
  private GossipContext context;

  @BeforeAll
  void start() {
    worker = new WorkerPool(1, 64, meters);
    context =
        new GossipContext(
            config,
            network,
            TestNetwork.key(1),
            new InMemoryHost(network),
            Clock.systemUTC(),
            new SecureRandom(),
            meters,
            new GossipMetrics(meters),
            worker,
            new PeerRegistry(TestNetwork.key(1).publicKey()),
            new PeerScores(config, Clock.systemUTC()),
            new SeenFilter(1024),
            new RequestTracker<>("transactions", config, Clock.systemUTC(), meters),
            new RequestTracker<>("milestones", config, Clock.systemUTC(), meters),
            () -> new Message.Heartbeat(0, 0, 0));
  }

  @AfterAll
  void stop() {
    worker.close();
  }

  @FuzzTest(maxDuration = "4m")
  void handshake(FuzzedDataProvider data) throws Exception {
    Tail tail = new Tail();
    EmbeddedChannel channel = handshakeChannel(tail);
    try {
      while (data.remainingBytes() > 0 && channel.isActive()) {
        byte[] chunk = data.consumeBytes(data.consumeInt(1, 256));
        try {
          channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        } catch (MalformedMessageException | FrameTooLargeException refused) {
          break;
        } catch (RuntimeException e) {
          fail("an untyped failure in the handshake", e);
        }
        settle(channel);
      }
      assertThat(tail.events).as("peers established by an unauthenticated stream").isEmpty();
      assertThat(tail.reads).as("messages past the handshake").isZero();
      List<Object> sent = new ArrayList<>();
      for (Object out; (out = channel.readOutbound()) != null; ) {
        sent.add(out);
      }
      assertThat(sent).as("the own hello goes first").first().isInstanceOf(Message.Hello.class);
      if (!channel.isActive()) {
        assertThat(sent)
            .as("a closed handshake says why")
            .last()
            .isInstanceOf(Message.Refusal.class);
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  /**
   * The harness can see a peer get through: a peer that signs the transcript is established and its
   * next message reaches the tail, so the fuzz test's "nothing gets through" can fail.
   */
  @Test
  void aPeerThatSignsTheTranscriptGetsThrough() throws Exception {
    Tail tail = new Tail();
    EmbeddedChannel channel = handshakeChannel(tail);
    try {
      Message.Hello own = channel.readOutbound();
      Ed25519PrivateKey peerKey = TestNetwork.key(2);
      byte[] peerChallenge = new byte[Message.Hello.CHALLENGE_SIZE];
      peerChallenge[0] = 7;
      channel.writeInbound(
          frame(
              new Message.Hello(
                  network.id(), Gossip.PROTOCOL_VERSION, peerKey.publicKey(), peerChallenge)));
      settle(channel);
      assertThat((Object) channel.readOutbound()).isInstanceOf(Message.HelloAck.class);
      byte[] transcript =
          HandshakeTranscript.bytes(
              network.id(), peerKey.publicKey(), own.nodeKey(), own.challenge(), peerChallenge);
      channel.writeInbound(frame(new Message.HelloAck(peerKey.sign(transcript))));
      settle(channel);
      channel.writeInbound(frame(new Message.Heartbeat(1, 1, 0)));
      settle(channel);

      assertThat(tail.events).hasSize(1).first().isInstanceOf(PeerHandler.Established.class);
      assertThat(tail.reads).isEqualTo(1);
      assertThat(channel.isActive()).isTrue();
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  /** The inbound pipeline up to the handshake, then {@code tail}; the own hello is sent. */
  private EmbeddedChannel handshakeChannel(Tail tail) {
    EmbeddedChannel channel = new EmbeddedChannel();
    Connection connection = new Connection(channel, Direction.INBOUND, key -> {});
    channel
        .pipeline()
        .addLast(
            new FrameDecoder(config.maxFrameBytes()),
            new EnvelopeDecoder(),
            new HandshakeHandler(context, connection),
            tail);
    channel.pipeline().fireChannelActive();
    return channel;
  }

  private static io.netty.buffer.ByteBuf frame(Message message) {
    byte[] envelope = MessageCodec.encode(message).toByteArray();
    return Unpooled.buffer(4 + envelope.length).writeInt(envelope.length).writeBytes(envelope);
  }

  /** Waits until the worker ran what the chunk queued, then runs what it handed back. */
  private void settle(EmbeddedChannel channel) throws Exception {
    for (int round = 0; round < 2; round++) {
      CompletableFuture<Void> marker = new CompletableFuture<>();
      assertThat(worker.submit(() -> marker.complete(null))).isTrue();
      marker.get(10, TimeUnit.SECONDS);
      channel.runPendingTasks();
    }
  }

  /** Stands where the peer handler would: records what gets past the handshake. */
  private static final class Tail extends ChannelInboundHandlerAdapter {
    final List<Object> events = new ArrayList<>();
    int reads;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      reads++;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      events.add(event);
    }
  }
}
