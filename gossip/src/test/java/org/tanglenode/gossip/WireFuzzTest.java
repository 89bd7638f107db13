package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.tanglenode.gossip.wire.FrameTooLargeException;
import org.tanglenode.gossip.wire.MalformedMessageException;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.MessageCodec;

/**
 * Coverage-guided fuzzing of what a peer's bytes meet first: the {@link FrameDecoder} and the
 * {@link EnvelopeDecoder} / {@link MessageCodec} behind it (docs/reliability.md, "Fuzzing"). The
 * contract: any bytes, cut into any chunks, give messages or a typed refusal ({@link
 * MalformedMessageException}, {@link FrameTooLargeException}), never another exception; nothing
 * decoded is bigger than the frame limit; every decoded message encodes back to an envelope that
 * decodes to the same bytes. Without JAZZER_FUZZ this runs the committed inputs under {@code
 * WireFuzzTestInputs/}.
 */
class WireFuzzTest {

  /** A small frame limit (a seed transaction fits), so the fuzzer reaches the limit cheaply. */
  private static final int MAX_FRAME_BYTES = 1024;

  @FuzzTest(maxDuration = "4m")
  void frameAndEnvelopeDecoders(FuzzedDataProvider data) {
    EmbeddedChannel channel =
        new EmbeddedChannel(new FrameDecoder(MAX_FRAME_BYTES), new EnvelopeDecoder());
    try {
      while (data.remainingBytes() > 0) {
        byte[] chunk = data.consumeBytes(data.consumeInt(1, 64));
        try {
          channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        } catch (MalformedMessageException | FrameTooLargeException refused) {
          // The typed refusal; the decoder discards the rest of the stream, as the next loop shows.
        } catch (RuntimeException e) {
          fail("an untyped failure for a peer's bytes", e);
        }
        for (Object out; (out = channel.readInbound()) != null; ) {
          checkDecoded(out, MAX_FRAME_BYTES);
        }
      }
    } finally {
      channel.finishAndReleaseAll();
    }
  }

  @FuzzTest(maxDuration = "4m")
  void envelopeCodec(byte[] envelope) {
    Message message;
    try {
      message = MessageCodec.decode(envelope);
    } catch (MalformedMessageException refused) {
      return;
    } catch (RuntimeException e) {
      fail("an untyped failure for an envelope", e);
      return;
    }
    checkDecoded(message, envelope.length);
  }

  /** Checks a decoded message; no byte field can be longer than the bytes it came in. */
  private static void checkDecoded(Object out, int inputBytes) {
    assertThat(out).isInstanceOf(Message.class);
    Message message = (Message) out;
    if (message instanceof Message.TransactionBytes tx) {
      assertThat(tx.bytes().length).isLessThanOrEqualTo(inputBytes);
    }
    if (message instanceof Message.Refusal refusal) {
      assertThat(refusal.message().length()).isLessThanOrEqualTo(256);
    }
    byte[] encoded = MessageCodec.encode(message).toByteArray();
    byte[] again = MessageCodec.encode(MessageCodec.decode(encoded)).toByteArray();
    assertThat(again).as("re-encoding %s", message).isEqualTo(encoded);
  }
}
