package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Network;

/** TLS on peer connections: it carries gossip, and the handshake still proves keys under it. */
class TlsTest {

  private final Network network = TestNetwork.network();

  private static TlsConfig selfSigned(String name) throws Exception {
    X509Bundle bundle =
        new CertificateBuilder()
            .subject("CN=" + name)
            .setIsCertificateAuthority(true)
            .ecp256()
            .buildSelfSigned();
    return TlsConfig.enabled(
        bundle.toTempCertChainPem().toPath(), bundle.toTempPrivateKeyPem().toPath());
  }

  @Test
  void transactionsTravelOverTls() throws Exception {
    TlsConfig tlsA = selfSigned("a");
    TlsConfig tlsB = selfSigned("b");
    try (TestNode a = new TestNode("a", 10, network, c -> c.tls(tlsA)).start();
        TestNode b = new TestNode("b", 11, network, c -> c.tls(tlsB)).start()) {
      b.gossip.addPeer(a.address());
      await().until(() -> a.peerCount() == 1 && b.peerCount() == 1);
      assertThat(b.gossip.peers().get(0).key()).isEqualTo(a.key.publicKey());
      Transaction tx = new TestChain(network).data();
      a.host.issue(tx);
      await().atMost(Duration.ofSeconds(10)).until(() -> b.host.has(tx.id()));
    }
  }

  @Test
  void theHandshakeStillRefusesUnderTls() throws Exception {
    TlsConfig tlsA = selfSigned("a");
    TlsConfig tlsB = selfSigned("b");
    try (TestNode a = new TestNode("a", 10, network, c -> c.tls(tlsA)).start();
        TestNode b = new TestNode("b", 11, TestNetwork.network(1), c -> c.tls(tlsB)).start()) {
      b.gossip.addPeer(a.address());
      await().until(() -> b.counter("gossip.refusals.received", "code", "WRONG_NETWORK") > 0);
      assertThat(a.peerCount()).isZero();
    }
  }

  @Test
  void aPlainPeerCannotTalkToATlsNode() throws Exception {
    TlsConfig tlsA = selfSigned("a");
    try (TestNode a = new TestNode("a", 10, network, c -> c.tls(tlsA)).start();
        RawPeer raw = new RawPeer(a.address())) {
      raw.sendRaw(new byte[] {0, 0, 0, 2, 0x32, 0x00});
      assertThat(raw.closedByNode()).isTrue();
      assertThat(a.peerCount()).isZero();
    }
  }
}
