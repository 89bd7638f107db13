package org.tanglenode.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.tanglenode.gossip.wire.FrameTooLargeException;
import org.tanglenode.gossip.wire.MalformedMessageException;

/**
 * Splits the byte stream into frames: a 4-byte big-endian length, then that many bytes. A length
 * above the maximum fails at once, before its bytes arrive; after a failure the rest of the stream
 * is discarded (the connection is being closed). Emits retained slices, no copy.
 */
final class FrameDecoder extends ByteToMessageDecoder {

  static final int LENGTH_BYTES = 4;

  private final int maxFrameBytes;
  private boolean failed;

  FrameDecoder(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    while (in.readableBytes() >= LENGTH_BYTES) {
      long length = in.getUnsignedInt(in.readerIndex());
      if (length > maxFrameBytes || length == 0) {
        failed = true;
        in.skipBytes(in.readableBytes());
        if (length == 0) {
          throw new MalformedMessageException("an empty frame");
        }
        throw new FrameTooLargeException(length, maxFrameBytes);
      }
      if (in.readableBytes() < LENGTH_BYTES + length) {
        return;
      }
      in.skipBytes(LENGTH_BYTES);
      out.add(in.readRetainedSlice((int) length));
    }
  }
}
