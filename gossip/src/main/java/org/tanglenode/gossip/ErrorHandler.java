package org.tanglenode.gossip;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.FrameTooLargeException;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;

/**
 * The last handler: whatever went wrong on a connection closes that connection and nothing else. A
 * peer's oversized or undecodable frame is a protocol violation: counted, held against the peer's
 * key when it is known, answered with a refusal, then the connection closes.
 */
final class ErrorHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

  private final GossipContext context;
  private final Connection connection;

  ErrorHandler(GossipContext context, Connection connection) {
    this.context = context;
    this.connection = connection;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (cause instanceof DecoderException) {
      Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
      boolean oversized =
          cause instanceof FrameTooLargeException || reason instanceof FrameTooLargeException;
      (oversized ? context.metrics().framesOversized : context.metrics().framesUndecodable)
          .increment();
      Ed25519PublicKey key = connection.peerKeyOrNull();
      if (key != null
          && context.scores().penalize(key, context.config().protocolViolationPenalty())) {
        context.metrics().bans.increment();
      }
      LOG.info("protocol violation by {}: {}", connection.remote(), reason.getMessage());
      context.metrics().refusalSent(RefusalCode.PROTOCOL_VIOLATION);
      ctx.writeAndFlush(new Message.Refusal(RefusalCode.PROTOCOL_VIOLATION, reason.getMessage()))
          .addListener(ChannelFutureListener.CLOSE);
    } else if (cause instanceof ReadTimeoutException) {
      LOG.info("{} was silent too long", connection.remote());
      ctx.close();
    } else if (cause instanceof IOException) {
      LOG.debug("connection to {} failed: {}", connection.remote(), cause.getMessage());
      ctx.close();
    } else {
      LOG.warn("closing the connection to {}", connection.remote(), cause);
      ctx.close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    io.netty.util.ReferenceCountUtil.release(msg);
  }
}
