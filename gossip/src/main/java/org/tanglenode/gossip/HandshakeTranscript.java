package org.tanglenode.gossip;

import java.nio.charset.StandardCharsets;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.NetworkId;

/**
 * The bytes each side signs in the handshake (docs/gossip.md, section "Handshake"):
 *
 * <pre>
 * "tangle-gossip-handshake-v1" (26 ASCII bytes) || network id (32) || signer key (32)
 *   || verifier key (32) || verifier's challenge (32) || signer's challenge (32)
 * </pre>
 *
 * Binding both keys, both challenges and the network id means a signature answers exactly one
 * challenge, for one pair of nodes, on one network: it cannot be replayed to another peer, on
 * another network, or reflected back to its verifier.
 */
final class HandshakeTranscript {

  static final byte[] DOMAIN = "tangle-gossip-handshake-v1".getBytes(StandardCharsets.US_ASCII);

  private HandshakeTranscript() {}

  static byte[] bytes(
      NetworkId network,
      Ed25519PublicKey signer,
      Ed25519PublicKey verifier,
      byte[] verifierChallenge,
      byte[] signerChallenge) {
    byte[] out = new byte[DOMAIN.length + 5 * 32];
    int at = 0;
    at = put(out, at, DOMAIN);
    at = put(out, at, network.bytes());
    at = put(out, at, signer.bytes());
    at = put(out, at, verifier.bytes());
    at = put(out, at, verifierChallenge);
    put(out, at, signerChallenge);
    return out;
  }

  private static int put(byte[] out, int at, byte[] part) {
    System.arraycopy(part, 0, out, at, part.length);
    return at + part.length;
  }
}
