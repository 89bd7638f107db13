package org.tanglenode.gossip;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS on peer connections, off by default. Each node presents its certificate chain; peers do not
 * check certificates against a CA, because peers prove who they are in the gossip handshake with
 * their node key (docs/gossip.md). TLS adds confidentiality and integrity on the wire.
 *
 * @param enabled whether connections use TLS (both sides must agree)
 * @param certificateChain PEM certificate chain file of this node
 * @param privateKey PEM PKCS#8 private key file for the certificate
 */
public record TlsConfig(
    boolean enabled, Optional<Path> certificateChain, Optional<Path> privateKey) {

  public static final TlsConfig DISABLED = new TlsConfig(false, Optional.empty(), Optional.empty());

  public TlsConfig {
    certificateChain = certificateChain == null ? Optional.empty() : certificateChain;
    privateKey = privateKey == null ? Optional.empty() : privateKey;
    if (enabled && (certificateChain.isEmpty() || privateKey.isEmpty())) {
      throw new IllegalArgumentException("TLS needs a certificate chain and a private key file");
    }
  }

  public static TlsConfig enabled(Path certificateChain, Path privateKey) {
    return new TlsConfig(true, Optional.of(certificateChain), Optional.of(privateKey));
  }
}
