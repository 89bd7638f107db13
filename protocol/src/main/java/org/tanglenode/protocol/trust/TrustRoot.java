package org.tanglenode.protocol.trust;

import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;

/**
 * Who signs milestones and which organisation holds a key, as of a milestone index. A network
 * starts from its genesis file; committee-signed updates change both over time, and a key keeps its
 * meaning for the range of milestone indexes it was valid in, so records and receipts made before a
 * change still verify after it.
 */
public interface TrustRoot {

  /** The network these statements belong to. */
  Network network();

  /** The committee whose signatures make milestone {@code milestoneIndex} valid. */
  Committee committeeAt(long milestoneIndex);

  /**
   * The organisation that held {@code key} at milestone {@code milestoneIndex}, or empty for a key
   * that no registry entry names at that index (an unknown signer).
   */
  Optional<String> organisationAt(Ed25519PublicKey key, long milestoneIndex);
}
