package org.tanglenode.gossip;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a peer that stops reading: once its unsent bytes pass the write-buffer high mark the
 * channel turns unwritable and gossip stops writing to it ({@link Peer#send} drops); if it stays so
 * for the stall timeout, the connection closes and its buffers are freed.
 */
final class WriteStallHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(WriteStallHandler.class);

  private final Duration timeout;
  private ScheduledFuture<?> close;

  WriteStallHandler(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable() && close == null) {
      close =
          ctx.executor()
              .schedule(
                  () -> {
                    LOG.info("{} stopped reading; disconnecting", ctx.channel().remoteAddress());
                    ctx.close();
                  },
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS);
    } else if (ctx.channel().isWritable() && close != null) {
      close.cancel(false);
      close = null;
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (close != null) {
      close.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
