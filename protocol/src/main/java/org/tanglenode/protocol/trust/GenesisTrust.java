package org.tanglenode.protocol.trust;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Issuer;
import org.tanglenode.protocol.genesis.Network;

/**
 * The trust of a network that has had no updates: its genesis committee and the issuers its genesis
 * names, at every index.
 */
public record GenesisTrust(Network network) implements TrustRoot {

  public GenesisTrust {
    Objects.requireNonNull(network, "network");
  }

  @Override
  public Committee committeeAt(long milestoneIndex) {
    return network.genesis().committee();
  }

  @Override
  public Optional<String> organisationAt(Ed25519PublicKey key, long milestoneIndex) {
    return network.genesis().issuers().stream()
        .filter(issuer -> issuer.key().equals(key))
        .map(Issuer::organisation)
        .findFirst();
  }
}
