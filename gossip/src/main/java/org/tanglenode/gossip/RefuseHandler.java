package org.tanglenode.gossip;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.RefusalCode;

/** Refuses a connection as soon as it is active (too many inbound peers, shutting down). */
final class RefuseHandler extends ChannelInboundHandlerAdapter {

  private final RefusalCode code;
  private final String text;
  private final GossipMetrics metrics;

  RefuseHandler(RefusalCode code, String text, GossipMetrics metrics) {
    this.code = code;
    this.text = text;
    this.metrics = metrics;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    metrics.refusalSent(code);
    ctx.writeAndFlush(new Message.Refusal(code, text)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }
}
