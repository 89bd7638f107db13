package org.tanglenode.gossip.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.proto.ConfirmedRangeRequest;
import org.tanglenode.protocol.proto.Envelope;
import org.tanglenode.protocol.proto.Heartbeat;
import org.tanglenode.protocol.proto.Hello;
import org.tanglenode.protocol.proto.HelloAck;
import org.tanglenode.protocol.proto.MilestoneRequest;
import org.tanglenode.protocol.proto.MilestoneResponse;
import org.tanglenode.protocol.proto.Refusal;
import org.tanglenode.protocol.proto.TransactionRequest;

/**
 * Maps {@link Message}s to and from protobuf {@code Envelope}s. Decoding is strict: a missing body,
 * unknown fields, a field of the wrong length or a number out of range is a {@link
 * MalformedMessageException}. The only copy of a transaction's bytes is the one made here.
 */
public final class MessageCodec {

  /** Longest refusal text kept; the rest is cut. */
  static final int MAX_REFUSAL_TEXT = 256;

  private MessageCodec() {}

  /**
   * Decodes one envelope. {@code in} may alias a network buffer: every byte field is copied out
   * before this returns, so the buffer can be released afterwards.
   */
  public static Message decode(CodedInputStream in) {
    Envelope envelope;
    try {
      envelope = Envelope.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedMessageException("not an envelope: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MalformedMessageException("not an envelope: " + e.getMessage(), e);
    }
    if (unknownFields(envelope)) {
      throw new MalformedMessageException("unknown fields in the envelope");
    }
    return switch (envelope.getBodyCase()) {
      case HELLO -> hello(envelope.getHello());
      case HELLO_ACK ->
          new Message.HelloAck(
              new Ed25519Signature(exact(envelope.getHelloAck().getSignature(), 64, "signature")));
      case TRANSACTION -> {
        if (envelope.getTransaction().isEmpty()) {
          throw new MalformedMessageException("an empty transaction");
        }
        yield new Message.TransactionBytes(envelope.getTransaction().toByteArray());
      }
      case TRANSACTION_REQUEST ->
          new Message.TransactionRequest(
              new TransactionId(
                  exact(envelope.getTransactionRequest().getTransactionId(), 32, "id")));
      case MILESTONE_REQUEST ->
          new Message.MilestoneRequest(index(envelope.getMilestoneRequest().getIndex()));
      case MILESTONE_RESPONSE ->
          new Message.MilestoneResponse(
              index(envelope.getMilestoneResponse().getIndex()),
              envelope.getMilestoneResponse().getTransaction().toByteArray());
      case CONFIRMED_RANGE_REQUEST -> confirmedRange(envelope.getConfirmedRangeRequest());
      case HEARTBEAT -> heartbeat(envelope.getHeartbeat());
      case REFUSAL -> {
        String text = envelope.getRefusal().getMessage();
        yield new Message.Refusal(
            RefusalCode.parse(envelope.getRefusal().getCode()),
            text.length() > MAX_REFUSAL_TEXT ? text.substring(0, MAX_REFUSAL_TEXT) : text);
      }
      case BODY_NOT_SET -> throw new MalformedMessageException("an envelope without a body");
    };
  }

  /** Decodes one envelope from {@code bytes}. */
  public static Message decode(byte[] bytes) {
    return decode(CodedInputStream.newInstance(bytes));
  }

  /**
   * The envelope of {@code message}. Transaction bytes are wrapped, not copied: the message's array
   * must not change while the envelope is in use.
   */
  public static Envelope encode(Message message) {
    Envelope.Builder envelope = Envelope.newBuilder();
    if (message instanceof Message.Hello hello) {
      envelope.setHello(
          Hello.newBuilder()
              .setNetworkId(ByteString.copyFrom(hello.networkId().bytes()))
              .setProtocolVersion(hello.protocolVersion())
              .setNodeKey(ByteString.copyFrom(hello.nodeKey().bytes()))
              .setChallenge(ByteString.copyFrom(hello.challenge())));
    } else if (message instanceof Message.HelloAck ack) {
      envelope.setHelloAck(
          HelloAck.newBuilder().setSignature(ByteString.copyFrom(ack.signature().bytes())));
    } else if (message instanceof Message.TransactionBytes tx) {
      envelope.setTransaction(UnsafeByteOperations.unsafeWrap(tx.bytes()));
    } else if (message instanceof Message.TransactionRequest request) {
      envelope.setTransactionRequest(
          TransactionRequest.newBuilder()
              .setTransactionId(ByteString.copyFrom(request.id().bytes())));
    } else if (message instanceof Message.MilestoneRequest request) {
      envelope.setMilestoneRequest(MilestoneRequest.newBuilder().setIndex(request.index()));
    } else if (message instanceof Message.MilestoneResponse response) {
      envelope.setMilestoneResponse(
          MilestoneResponse.newBuilder()
              .setIndex(response.index())
              .setTransaction(UnsafeByteOperations.unsafeWrap(response.transaction())));
    } else if (message instanceof Message.ConfirmedRangeRequest range) {
      envelope.setConfirmedRangeRequest(
          ConfirmedRangeRequest.newBuilder().setFromLeaf(range.fromLeaf()).setCount(range.count()));
    } else if (message instanceof Message.Heartbeat heartbeat) {
      envelope.setHeartbeat(
          Heartbeat.newBuilder()
              .setLatestMilestone(heartbeat.latestMilestone())
              .setSolidMilestone(heartbeat.solidMilestone())
              .setPeers(heartbeat.peers()));
    } else if (message instanceof Message.Refusal refusal) {
      String text = refusal.message();
      envelope.setRefusal(
          Refusal.newBuilder()
              .setCode(refusal.code().name())
              .setMessage(
                  text.length() > MAX_REFUSAL_TEXT ? text.substring(0, MAX_REFUSAL_TEXT) : text));
    } else {
      throw new IllegalArgumentException("not a gossip message: " + message);
    }
    return envelope.build();
  }

  private static Message hello(Hello hello) {
    if (unknownFields(hello)) {
      throw new MalformedMessageException("unknown fields in a hello");
    }
    if (hello.getProtocolVersion() < 0) {
      throw new MalformedMessageException("a protocol version above 2^31 - 1");
    }
    return new Message.Hello(
        new NetworkId(exact(hello.getNetworkId(), NetworkId.SIZE, "network id")),
        hello.getProtocolVersion(),
        new Ed25519PublicKey(exact(hello.getNodeKey(), Ed25519PublicKey.SIZE, "node key")),
        exact(hello.getChallenge(), Message.Hello.CHALLENGE_SIZE, "challenge"));
  }

  private static Message heartbeat(Heartbeat heartbeat) {
    if (heartbeat.getLatestMilestone() < 0
        || heartbeat.getSolidMilestone() < 0
        || heartbeat.getPeers() < 0) {
      throw new MalformedMessageException("a heartbeat number above 2^31 - 1");
    }
    return new Message.Heartbeat(
        heartbeat.getLatestMilestone(), heartbeat.getSolidMilestone(), heartbeat.getPeers());
  }

  private static int index(int index) {
    if (index < 1) {
      throw new MalformedMessageException("a milestone index of 1 to 2^31 - 1, not " + index);
    }
    return index;
  }

  private static Message confirmedRange(ConfirmedRangeRequest request) {
    try {
      return new Message.ConfirmedRangeRequest(request.getFromLeaf(), request.getCount());
    } catch (IllegalArgumentException e) {
      throw new MalformedMessageException("a confirmed range request: " + e.getMessage(), e);
    }
  }

  private static byte[] exact(ByteString bytes, int size, String what) {
    if (bytes.size() != size) {
      throw new MalformedMessageException(
          "a " + what + " of " + bytes.size() + " bytes, not " + size);
    }
    return bytes.toByteArray();
  }

  private static boolean unknownFields(MessageLite message) {
    return message instanceof com.google.protobuf.Message full
        && full.getUnknownFields().getSerializedSize() != 0;
  }
}
