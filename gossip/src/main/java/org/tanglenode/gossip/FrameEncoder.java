package org.tanglenode.gossip;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.MessageCodec;
import org.tanglenode.protocol.proto.Envelope;

/** Writes a message as one frame: the envelope's length (4 bytes, big-endian), then its bytes. */
final class FrameEncoder extends MessageToByteEncoder<Message> {

  private final int maxFrameBytes;

  FrameEncoder(int maxFrameBytes) {
    super(Message.class);
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Message message, ByteBuf out) {
    Envelope envelope = MessageCodec.encode(message);
    int size = envelope.getSerializedSize();
    if (size > maxFrameBytes) {
      throw new EncoderException("a frame of " + size + " bytes exceeds " + maxFrameBytes);
    }
    out.ensureWritable(FrameDecoder.LENGTH_BYTES + size);
    out.writeInt(size);
    try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
      envelope.writeTo(stream);
    } catch (IOException e) {
      throw new EncoderException(e);
    }
  }

  @Override
  protected ByteBuf allocateBuffer(
      ChannelHandlerContext ctx, Message message, boolean preferDirect) {
    int hint = message instanceof Message.TransactionBytes tx ? tx.bytes().length + 16 : 128;
    return preferDirect ? ctx.alloc().ioBuffer(hint) : ctx.alloc().heapBuffer(hint);
  }
}
