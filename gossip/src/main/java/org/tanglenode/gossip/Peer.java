package org.tanglenode.gossip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import java.util.ArrayList;
import java.util.List;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TransactionId;

/**
 * A peer after its handshake: its proven key, what it is known to have, its last heartbeat, its
 * meters, and the way to send to it. Sending never blocks and never buffers without bound: while
 * the channel is above its write-buffer high mark, messages are dropped and counted. Safe to call
 * from any thread; the state is touched on the channel's event loop.
 */
final class Peer {

  private final Ed25519PublicKey key;
  private final Connection connection;
  private final SeenFilter known;
  private final MeterRegistry meters;
  private final GossipMetrics metrics;
  private final List<Meter> peerMeters = new ArrayList<>();
  final Counter messagesSent;
  final Counter invalid;
  final Counter duplicates;
  final Counter requestsDropped;
  private final Counter dropped;
  private volatile Message.Heartbeat heartbeat = new Message.Heartbeat(0, 0, 0);
  private boolean flushScheduled;

  Peer(
      Ed25519PublicKey key,
      Connection connection,
      GossipConfig config,
      MeterRegistry meters,
      GossipMetrics metrics,
      PeerScores scores) {
    this.key = key;
    this.connection = connection;
    this.known = new SeenFilter(config.peerKnownSize());
    this.meters = meters;
    this.metrics = metrics;
    Tags tags = Tags.of("peer", shortId(key));
    this.messagesSent =
        track(
            Counter.builder("gossip.peer.messages.sent")
                .description("messages sent to the peer")
                .tags(tags)
                .register(meters));
    this.invalid =
        track(
            Counter.builder("gossip.peer.transactions.invalid")
                .description("invalid transactions from the peer")
                .tags(tags)
                .register(meters));
    this.duplicates =
        track(
            Counter.builder("gossip.peer.transactions.duplicate")
                .description("transactions from the peer the node already had")
                .tags(tags)
                .register(meters));
    this.requestsDropped =
        track(
            Counter.builder("gossip.peer.requests.dropped")
                .description("requests of the peer not answered")
                .tags(tags)
                .register(meters));
    this.dropped =
        track(
            Counter.builder("gossip.peer.writes.dropped")
                .description("messages not sent: the peer was above its write-buffer high mark")
                .tags(tags)
                .register(meters));
    track(
        FunctionCounter.builder(
                "gossip.peer.frames.received", connection, Connection::framesReceived)
            .description("frames received from the peer")
            .tags(tags)
            .register(meters));
    track(
        FunctionCounter.builder("gossip.peer.bytes.received", connection, Connection::bytesReceived)
            .description("bytes received from the peer")
            .tags(tags)
            .register(meters));
    track(
        Gauge.builder("gossip.peer.score", () -> scores.score(key))
            .description("the peer's misbehaviour score")
            .tags(tags)
            .register(meters));
    track(
        Gauge.builder("gossip.peer.write.pending.bytes", this, Peer::pendingWriteBytes)
            .description("bytes queued for the peer")
            .tags(tags)
            .register(meters));
  }

  static String shortId(Ed25519PublicKey key) {
    return key.toHex().substring(0, 16);
  }

  private <M extends Meter> M track(M meter) {
    peerMeters.add(meter);
    return meter;
  }

  Ed25519PublicKey key() {
    return key;
  }

  Connection connection() {
    return connection;
  }

  Channel channel() {
    return connection.channel();
  }

  Message.Heartbeat heartbeat() {
    return heartbeat;
  }

  void heartbeat(Message.Heartbeat heartbeat) {
    this.heartbeat = heartbeat;
  }

  /** Remembers that the peer has {@code id}, so it is never sent to it. */
  void markKnown(TransactionId id) {
    known.add(id);
  }

  /** Sends a transaction unless the peer is known to have it; at most once per peer. */
  void sendTransaction(TransactionId id, byte[] bytes) {
    Channel channel = channel();
    if (channel.eventLoop().inEventLoop()) {
      if (known.add(id)) {
        write(new Message.TransactionBytes(bytes));
      }
    } else {
      channel.eventLoop().execute(() -> sendTransaction(id, bytes));
    }
  }

  /** Sends {@code message}, or drops it if the peer is not reading fast enough. */
  void send(Message message) {
    Channel channel = channel();
    if (channel.eventLoop().inEventLoop()) {
      write(message);
    } else {
      channel.eventLoop().execute(() -> write(message));
    }
  }

  private void write(Message message) {
    Channel channel = channel();
    if (!channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      dropped.increment();
      metrics.writesDropped.increment();
      return;
    }
    channel.write(message, channel.voidPromise());
    messagesSent.increment();
    if (!flushScheduled) {
      flushScheduled = true;
      channel
          .eventLoop()
          .execute(
              () -> {
                flushScheduled = false;
                channel.flush();
              });
    }
  }

  /** Sends a refusal and closes. */
  void refuse(RefusalCode code, String text) {
    Channel channel = channel();
    channel
        .eventLoop()
        .execute(
            () -> {
              if (channel.isActive()) {
                metrics.refusalSent(code);
                channel
                    .writeAndFlush(new Message.Refusal(code, text))
                    .addListener(ChannelFutureListener.CLOSE);
              }
            });
  }

  long pendingWriteBytes() {
    ChannelOutboundBuffer buffer = channel().unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  /** Removes the peer's meters; called once its connection closed. */
  void removeMeters() {
    for (Meter meter : peerMeters) {
      meters.remove(meter);
    }
  }

  @Override
  public String toString() {
    return "Peer[" + shortId(key) + " " + connection.direction() + " " + connection.remote() + "]";
  }
}
