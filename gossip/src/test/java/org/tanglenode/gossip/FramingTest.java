package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.gossip.wire.FrameTooLargeException;
import org.tanglenode.gossip.wire.MalformedMessageException;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.gossip.wire.MessageCodec;
import org.tanglenode.gossip.wire.RefusalCode;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.TransactionId;

/** Frame decoder, encoder and envelope decoder on an embedded channel, without sockets. */
class FramingTest {

  private static final int MAX = 1024;

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(new FrameDecoder(MAX), new FrameEncoder(MAX), new EnvelopeDecoder());
  }

  private static List<Message> samples() {
    byte[] challenge = new byte[32];
    challenge[0] = 7;
    return List.of(
        new Message.Hello(TestNetwork.network().id(), 1, TestNetwork.key(1).publicKey(), challenge),
        new Message.HelloAck(TestNetwork.key(1).sign(new byte[] {1, 2, 3})),
        new Message.TransactionRequest(TransactionId.of(new byte[] {1})),
        new Message.MilestoneRequest(42),
        new Message.ConfirmedRangeRequest(
            123_456_789_012L, Message.ConfirmedRangeRequest.MAX_COUNT),
        new Message.MilestoneResponse(42, new byte[] {9, 9, 9}),
        new Message.MilestoneResponse(43, new byte[0]),
        new Message.Heartbeat(10, 9, 3),
        new Message.Refusal(RefusalCode.WRONG_NETWORK, "this is another network"));
  }

  @Test
  void everyMessageSurvivesEncodeAndDecode() {
    EmbeddedChannel channel = channel();
    for (Message message : samples()) {
      assertThat(channel.writeOutbound(message)).isTrue();
      ByteBuf frame = channel.readOutbound();
      assertThat(channel.writeInbound(frame)).isTrue();
      Message decoded = channel.readInbound();
      assertThat(MessageCodec.encode(decoded)).isEqualTo(MessageCodec.encode(message));
    }
    byte[] tx = {1, 2, 3, 4};
    channel.writeOutbound(new Message.TransactionBytes(tx));
    channel.writeInbound((ByteBuf) channel.readOutbound());
    assertThat(((Message.TransactionBytes) channel.readInbound()).bytes()).containsExactly(tx);
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void framesSplitAndJoinedAnyHowDecodeTheSame() {
    EmbeddedChannel encoder = channel();
    ByteBuf all = Unpooled.buffer();
    for (Message message : samples()) {
      encoder.writeOutbound(message);
      ByteBuf frame = encoder.readOutbound();
      all.writeBytes(frame);
      frame.release();
    }
    encoder.finish();
    EmbeddedChannel decoder = channel();
    while (all.isReadable()) {
      decoder.writeInbound(all.readRetainedSlice(Math.min(3, all.readableBytes())));
    }
    all.release();
    for (Message message : samples()) {
      Message decoded = decoder.readInbound();
      assertThat(MessageCodec.encode(decoded)).isEqualTo(MessageCodec.encode(message));
    }
    Object rest = decoder.readInbound();
    assertThat(rest).isNull();
    decoder.finish();
  }

  @Test
  void aConfirmedRangeBeyondItsLimitIsMalformed() {
    byte[] tooMany =
        org.tanglenode.protocol.proto.Envelope.newBuilder()
            .setConfirmedRangeRequest(
                org.tanglenode.protocol.proto.ConfirmedRangeRequest.newBuilder()
                    .setFromLeaf(0)
                    .setCount(Message.ConfirmedRangeRequest.MAX_COUNT + 1))
            .build()
            .toByteArray();
    assertThatThrownBy(() -> MessageCodec.decode(tooMany))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("1..1000");
    assertThatThrownBy(() -> new Message.ConfirmedRangeRequest(-1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOversizedFrameFailsBeforeItsBytesArrive() {
    EmbeddedChannel channel = channel();
    ByteBuf header = Unpooled.buffer().writeInt(MAX + 1).writeBytes(new byte[10]);
    assertThatThrownBy(() -> channel.writeInbound(header))
        .isInstanceOf(FrameTooLargeException.class);
    // Whatever follows is discarded, not decoded.
    assertThat(channel.writeInbound(Unpooled.buffer().writeInt(3).writeBytes(new byte[3])))
        .isFalse();
    channel.finishAndReleaseAll();
  }

  @Test
  void aFrameOfExactlyTheMaximumIsAccepted() {
    EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
    channel.writeInbound(Unpooled.buffer().writeInt(MAX).writeBytes(new byte[MAX]));
    ByteBuf frame = channel.readInbound();
    assertThat(frame.readableBytes()).isEqualTo(MAX);
    frame.release();
    channel.finish();
  }

  @Test
  void garbageIsMalformed() {
    EmbeddedChannel channel = channel();
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02};
    assertThatThrownBy(
            () ->
                channel.writeInbound(
                    Unpooled.buffer().writeInt(garbage.length).writeBytes(garbage)))
        .isInstanceOf(MalformedMessageException.class);
    channel.finishAndReleaseAll();
  }

  @Test
  void anEmptyFrameIsMalformed() {
    EmbeddedChannel channel = channel();
    assertThatThrownBy(() -> channel.writeInbound(Unpooled.buffer().writeInt(0)))
        .isInstanceOf(MalformedMessageException.class);
    channel.finishAndReleaseAll();
  }

  @Test
  void fieldsOfTheWrongLengthAreMalformed() {
    // A transaction request (field 4) holding a 3-byte id.
    byte[] envelope = {0x22, 0x05, 0x0a, 0x03, 1, 2, 3};
    assertThatThrownBy(() -> MessageCodec.decode(envelope))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("id");
    // An envelope with no body at all.
    assertThatThrownBy(() -> MessageCodec.decode(new byte[0]))
        .isInstanceOf(MalformedMessageException.class);
    // Milestone index 0 does not exist.
    byte[] zeroIndex = {0x2a, 0x00};
    assertThatThrownBy(() -> MessageCodec.decode(zeroIndex))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void unknownFieldsAreMalformed() {
    byte[] envelope = {0x32, 0x02, 0x08, 0x01, (byte) 0xf8, 0x01, 0x01};
    assertThatThrownBy(() -> MessageCodec.decode(envelope))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("unknown");
  }

  @Test
  void anUnknownRefusalCodeIsKeptAsUnknown() {
    Message decoded =
        MessageCodec.decode(
            org.tanglenode.protocol.proto.Envelope.newBuilder()
                .setRefusal(
                    org.tanglenode.protocol.proto.Refusal.newBuilder().setCode("FROM_THE_FUTURE"))
                .build()
                .toByteArray());
    assertThat(((Message.Refusal) decoded).code()).isEqualTo(RefusalCode.UNKNOWN);
  }
}
