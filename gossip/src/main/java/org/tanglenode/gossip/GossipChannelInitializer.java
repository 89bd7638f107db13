package org.tanglenode.gossip;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.RefusalCode;

/**
 * Builds every connection's pipeline, the one place that does (inbound order):
 *
 * <pre>
 * [tls] -> read timeout -> write stall -> frame decoder | frame encoder -> flow control
 *   -> rate limit -> envelope decoder -> handshake -> peer -> errors
 * </pre>
 *
 * Every handler holds per-connection state, so each connection gets new instances.
 */
final class GossipChannelInitializer extends ChannelInitializer<Channel> {

  private final GossipContext context;
  private final Direction direction;
  private final Optional<SslContext> tls;
  private final Consumer<Ed25519PublicKey> onEstablished;
  private final AtomicInteger inbound;
  private final HandshakeAdmission admission;

  GossipChannelInitializer(
      GossipContext context,
      Direction direction,
      Optional<SslContext> tls,
      Consumer<Ed25519PublicKey> onEstablished,
      AtomicInteger inbound,
      HandshakeAdmission admission) {
    this.context = context;
    this.direction = direction;
    this.tls = tls;
    this.onEstablished = onEstablished;
    this.inbound = inbound;
    this.admission = admission;
  }

  @Override
  protected void initChannel(Channel channel) {
    GossipConfig config = context.config();
    ChannelPipeline pipeline = channel.pipeline();
    tls.ifPresent(ssl -> pipeline.addLast("tls", ssl.newHandler(channel.alloc())));
    Consumer<Ed25519PublicKey> established = onEstablished;
    if (direction == Direction.INBOUND) {
      if (inbound.incrementAndGet() > config.maxInboundPeers()) {
        inbound.decrementAndGet();
        refuse(pipeline, "this node accepts no more peers");
        return;
      }
      HandshakeAdmission.Decision decision = admission.admit(channel.remoteAddress());
      if (decision instanceof HandshakeAdmission.Refused refused) {
        inbound.decrementAndGet();
        refuse(pipeline, refused.message());
        return;
      }
      HandshakeAdmission.Place place = (HandshakeAdmission.Place) decision;
      channel
          .closeFuture()
          .addListener(
              f -> {
                place.release();
                inbound.decrementAndGet();
              });
      established =
          key -> {
            place.release();
            onEstablished.accept(key);
          };
    }
    Connection connection = new Connection(channel, direction, established);
    pipeline.addLast(
        "readTimeout",
        new ReadTimeoutHandler(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    pipeline.addLast("writeStall", new WriteStallHandler(config.stalledWriteTimeout()));
    pipeline.addLast("frameDecoder", new FrameDecoder(config.maxFrameBytes()));
    pipeline.addLast("frameEncoder", new FrameEncoder(config.maxFrameBytes()));
    pipeline.addLast("flowControl", new FlowControlHandler());
    pipeline.addLast(
        "rateLimit",
        new RateLimitHandler(
            config, connection, context.clock(), context.metrics().rateLimited::increment));
    pipeline.addLast("envelopeDecoder", new EnvelopeDecoder());
    pipeline.addLast("handshake", new HandshakeHandler(context, connection));
    pipeline.addLast("peer", new PeerHandler(context, connection));
    pipeline.addLast("errors", new ErrorHandler(context, connection));
  }

  private void refuse(ChannelPipeline pipeline, String message) {
    pipeline.addLast("encoder", new FrameEncoder(context.config().maxFrameBytes()));
    pipeline.addLast(
        "refuse", new RefuseHandler(RefusalCode.TOO_MANY_PEERS, message, context.metrics()));
  }
}
