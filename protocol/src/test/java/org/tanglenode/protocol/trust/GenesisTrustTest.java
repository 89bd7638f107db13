package org.tanglenode.protocol.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Issuer;

class GenesisTrustTest {

  @Test
  void namesTheGenesisIssuersAndMarksOtherKeysUnknownAtEveryIndex() {
    Genesis plain = TestNetwork.genesis(0);
    Genesis genesis =
        plain.withIssuers(
            List.of(new Issuer(TestNetwork.key(7).publicKey(), "Regional Office North")));
    TrustRoot trust = new GenesisTrust(GenesisFile.parse(GenesisFile.encode(genesis)));

    assertThat(trust.organisationAt(TestNetwork.key(7).publicKey(), 0))
        .contains("Regional Office North");
    assertThat(trust.organisationAt(TestNetwork.key(7).publicKey(), 1_000_000))
        .contains("Regional Office North");
    assertThat(trust.organisationAt(TestNetwork.key(8).publicKey(), 5)).isEmpty();
    assertThat(trust.committeeAt(42)).isEqualTo(plain.committee());
  }
}
