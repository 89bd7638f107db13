package org.tanglenode.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Holds one peer to its message and byte rates. Each frame takes from two token buckets; when one
 * runs into debt, reading from the peer stops until the debt is paid, so a flood is slowed to the
 * configured rate (TCP pushes back on the sender) without buffering it.
 */
final class RateLimitHandler extends ChannelInboundHandlerAdapter {

  private final Connection connection;
  private final ReadGate gate;
  private final Clock clock;
  private final TokenBucket messages;
  private final TokenBucket bytes;
  private final Runnable onLimited;
  private ScheduledFuture<?> resume;

  RateLimitHandler(GossipConfig config, Connection connection, Clock clock, Runnable onLimited) {
    this.connection = connection;
    this.gate = connection.gate();
    this.clock = clock;
    long now = clock.millis();
    this.messages =
        new TokenBucket(config.maxMessagesPerSecond(), config.maxMessagesPerSecond(), now);
    this.bytes = new TokenBucket(config.maxBytesPerSecond(), config.maxBytesPerSecond(), now);
    this.onLimited = onLimited;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf frame) {
      long now = clock.millis();
      int size = frame.readableBytes() + FrameDecoder.LENGTH_BYTES;
      connection.received(size);
      long wait = Math.max(messages.take(1, now), bytes.take(size, now));
      if (wait > 0 && resume == null) {
        onLimited.run();
        gate.pause(ReadGate.Reason.RATE);
        resume =
            ctx.executor()
                .schedule(
                    () -> {
                      resume = null;
                      gate.resume(ReadGate.Reason.RATE);
                    },
                    wait,
                    TimeUnit.MILLISECONDS);
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (resume != null) {
      resume.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
