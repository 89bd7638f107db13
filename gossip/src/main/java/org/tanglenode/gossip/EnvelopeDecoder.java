package org.tanglenode.gossip;

import com.google.protobuf.CodedInputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.tanglenode.gossip.wire.MessageCodec;

/**
 * Decodes a frame into a {@link org.tanglenode.gossip.wire.Message}. Parses the frame in place
 * (aliasing), copies each byte field once, and releases the frame when it returns.
 */
final class EnvelopeDecoder extends MessageToMessageDecoder<ByteBuf> {

  EnvelopeDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    CodedInputStream in;
    if (frame.nioBufferCount() == 1) {
      in = CodedInputStream.newInstance(frame.nioBuffer());
      in.enableAliasing(true);
    } else {
      in = CodedInputStream.newInstance(ByteBufUtil.getBytes(frame));
    }
    out.add(MessageCodec.decode(in));
  }
}
