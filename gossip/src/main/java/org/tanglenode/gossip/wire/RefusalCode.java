package org.tanglenode.gossip.wire;

/**
 * Why a node closes a connection, sent in a {@link Message.Refusal} just before closing. The names
 * are stable wire codes; docs/gossip.md lists them.
 */
public enum RefusalCode {
  /** The peer's network id is not this node's. */
  WRONG_NETWORK,
  /** The peer speaks a protocol version this node does not. */
  INCOMPATIBLE_VERSION,
  /** The peer's handshake signature does not verify for the key it claimed. */
  BAD_SIGNATURE,
  /** The network allow-lists keys and the peer's key is not on the list. */
  NOT_ALLOWED,
  /** The peer's key is banned for a while (too many invalid messages). */
  BANNED,
  /** The peer connected to itself (same node key). */
  SELF,
  /** Another connection with the same node key is kept instead of this one. */
  DUPLICATE_CONNECTION,
  /** This node has as many inbound connections as it accepts. */
  TOO_MANY_PEERS,
  /** A frame too large, bytes that do not decode, or a message out of order. */
  PROTOCOL_VIOLATION,
  /** The handshake did not finish in time. */
  TIMEOUT,
  /** This node is too busy to finish the handshake now. */
  BUSY,
  /** The node is shutting down or the operator removed the peer. */
  SHUTDOWN,
  /** A code this node does not know (sent by a newer peer). */
  UNKNOWN;

  /** The code named {@code name}, or {@link #UNKNOWN}. */
  public static RefusalCode parse(String name) {
    for (RefusalCode code : values()) {
      if (code.name().equals(name)) {
        return code;
      }
    }
    return UNKNOWN;
  }
}
