package org.tanglenode.gossip.wire;

import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.NetworkId;

/**
 * One gossip message, the domain form of an envelope. {@link MessageCodec} maps it to and from the
 * protobuf {@code Envelope}; every field has been length-checked by then.
 */
public sealed interface Message {

  /** Opens a connection: which network, which protocol version, who, and a challenge. */
  record Hello(NetworkId networkId, int protocolVersion, Ed25519PublicKey nodeKey, byte[] challenge)
      implements Message {

    public static final int CHALLENGE_SIZE = 32;

    public Hello {
      if (networkId == null || nodeKey == null) {
        throw new IllegalArgumentException("a hello names its network and node key");
      }
      if (protocolVersion < 0) {
        throw new IllegalArgumentException("a protocol version is not negative");
      }
      if (challenge == null || challenge.length != CHALLENGE_SIZE) {
        throw new IllegalArgumentException("a challenge has " + CHALLENGE_SIZE + " bytes");
      }
      challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
      return challenge.clone();
    }
  }

  /** Proves the node key: a signature over the handshake transcript. */
  record HelloAck(Ed25519Signature signature) implements Message {
    public HelloAck {
      if (signature == null) {
        throw new IllegalArgumentException("a hello ack carries a signature");
      }
    }
  }

  /**
   * A transaction's bytes exactly as received. On the hot path the array is handed over, not
   * copied: whoever builds this record gives up the array, and readers never modify it.
   */
  record TransactionBytes(byte[] bytes) implements Message {
    public TransactionBytes {
      if (bytes == null || bytes.length == 0) {
        throw new IllegalArgumentException("a transaction has bytes");
      }
    }

    @Override
    public String toString() {
      return "TransactionBytes[" + bytes.length + " bytes]";
    }
  }

  /** Asks for a transaction by id. */
  record TransactionRequest(TransactionId id) implements Message {
    public TransactionRequest {
      if (id == null) {
        throw new IllegalArgumentException("a request names an id");
      }
    }
  }

  /** Asks for the transaction carrying the milestone with this index. */
  record MilestoneRequest(int index) implements Message {
    public MilestoneRequest {
      if (index < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1");
      }
    }
  }

  /**
   * Answers a milestone request: the milestone's transaction bytes, or none if the sender lacks it.
   * The array is handed over as in {@link TransactionBytes}.
   */
  record MilestoneResponse(int index, byte[] transaction) implements Message {
    public MilestoneResponse {
      if (index < 1) {
        throw new IllegalArgumentException("milestone indexes start at 1");
      }
      if (transaction == null) {
        throw new IllegalArgumentException("use an empty array for a milestone not found");
      }
    }

    public boolean found() {
      return transaction.length > 0;
    }

    @Override
    public String toString() {
      return "MilestoneResponse[index=" + index + ", " + transaction.length + " bytes]";
    }
  }

  /**
   * Asks for the confirmed transactions at history leaves {@code fromLeaf} .. {@code fromLeaf +
   * count - 1}, in confirmation order; answered with {@link TransactionBytes}, one each.
   */
  record ConfirmedRangeRequest(long fromLeaf, int count) implements Message {

    /** The most leaves one request asks for (about 250 KB of answers, under the write buffer). */
    public static final int MAX_COUNT = 1_000;

    public ConfirmedRangeRequest {
      if (fromLeaf < 0) {
        throw new IllegalArgumentException("history leaves start at 0");
      }
      if (count < 1 || count > MAX_COUNT) {
        throw new IllegalArgumentException("a range holds 1.." + MAX_COUNT + " leaves");
      }
    }
  }

  /** The sender's view of the milestones, and how many peers it has. */
  record Heartbeat(int latestMilestone, int solidMilestone, int peers) implements Message {
    public Heartbeat {
      if (latestMilestone < 0 || solidMilestone < 0 || peers < 0) {
        throw new IllegalArgumentException("heartbeat numbers are not negative");
      }
    }
  }

  /** Sent before closing, so the other side knows why. */
  record Refusal(RefusalCode code, String message) implements Message {
    public Refusal {
      if (code == null) {
        throw new IllegalArgumentException("a refusal has a code");
      }
      message = message == null ? "" : message;
    }
  }
}
