package org.tanglenode.protocol.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.SignedTransaction;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.genesis.Issuer;

class TrustChainTest {

  // Genesis committee: keys 101, 102, 103, threshold 2.
  private static final Ed25519PrivateKey G1 = TestNetwork.committeeKeys().get(0);
  private static final Ed25519PrivateKey G2 = TestNetwork.committeeKeys().get(1);
  private static final Ed25519PrivateKey G3 = TestNetwork.committeeKeys().get(2);
  private static final Ed25519PrivateKey N1 = TestNetwork.key(201);
  private static final Ed25519PrivateKey N2 = TestNetwork.key(202);
  private static final Ed25519PrivateKey NORTH = TestNetwork.key(7);
  private static final Ed25519PrivateKey DEPOT = TestNetwork.key(8);

  private final TrustChain genesis = TrustChain.ofGenesisFile(genesisFile());
  private final TrustUpdates updates = TrustUpdates.on(genesis.network());

  static byte[] genesisFile() {
    Genesis plain = TestNetwork.genesis(0);
    return GenesisFile.encode(
        plain.withIssuers(List.of(new Issuer(NORTH.publicKey(), "Regional Office North"))));
  }

  private static TrustChain linked(LinkVerdict verdict) {
    assertThat(verdict).isInstanceOf(LinkVerdict.Linked.class);
    return ((LinkVerdict.Linked) verdict).chain();
  }

  private static void assertRefused(LinkVerdict verdict, LinkVerdict.Code code) {
    assertThat(verdict).isInstanceOf(LinkVerdict.Refused.class);
    assertThat(verdict.code()).as(((LinkVerdict.Refused) verdict).detail()).isEqualTo(code);
  }

  /** Update 1: from index 10 the committee is {N1, N2} with threshold 2. */
  private Transaction handOver() {
    return TrustUpdates.on(genesis.network())
        .sequence(1)
        .effective(10)
        .committee(2, N1, N2)
        .signedBy(G1, G2);
  }

  @Test
  void withoutUpdatesTheGenesisAnswersAtEveryIndex() {
    assertThat(genesis.committeeAt(0)).isEqualTo(genesis.network().genesis().committee());
    assertThat(genesis.committeeAt(1_000_000)).isEqualTo(genesis.network().genesis().committee());
    assertThat(genesis.organisationAt(NORTH.publicKey(), 5)).contains("Regional Office North");
    assertThat(genesis.organisationAt(DEPOT.publicKey(), 5)).isEmpty();
    assertThat(genesis.lastSequence()).isZero();
  }

  @Test
  void aCommitteeChangeHoldsFromItsEffectiveIndexAndOldIndexesKeepTheOldCommittee() {
    TrustChain chain = linked(genesis.append(handOver()));

    Committee old = genesis.network().genesis().committee();
    Committee next = new Committee(List.of(N1.publicKey(), N2.publicKey()), 2);
    assertThat(chain.committeeAt(1)).isEqualTo(old);
    assertThat(chain.committeeAt(9)).isEqualTo(old);
    assertThat(chain.committeeAt(10).keys()).containsExactlyInAnyOrderElementsOf(next.keys());
    assertThat(chain.committeeAt(10).threshold()).isEqualTo(2);
    assertThat(chain.committeeAt(5_000).keys()).containsExactlyInAnyOrderElementsOf(next.keys());
    assertThat(chain.lastSequence()).isEqualTo(1);
    assertThat(chain.lastEffectiveIndex()).isEqualTo(10);
    assertThat(genesis.committeeAt(10)).as("the shorter chain is unchanged").isEqualTo(old);
  }

  @Test
  void organisationsFollowTheirValidityRangesAcrossAChangeAndARevocation() {
    TrustChain one =
        linked(
            genesis.append(
                updates.sequence(1).effective(10).issuer(DEPOT, "Depot South").signedBy(G1, G3)));
    TrustChain two =
        linked(
            one.append(
                TrustUpdates.on(genesis.network())
                    .sequence(2)
                    .effective(20)
                    .revoke(DEPOT)
                    .issuer(NORTH, "Regional Office West")
                    .signedBy(G2, G3)));

    assertThat(two.organisationAt(DEPOT.publicKey(), 9)).isEmpty();
    assertThat(two.organisationAt(DEPOT.publicKey(), 10)).contains("Depot South");
    assertThat(two.organisationAt(DEPOT.publicKey(), 19)).contains("Depot South");
    assertThat(two.organisationAt(DEPOT.publicKey(), 20)).as("revoked").isEmpty();
    assertThat(two.organisationAt(NORTH.publicKey(), 0)).contains("Regional Office North");
    assertThat(two.organisationAt(NORTH.publicKey(), 19)).contains("Regional Office North");
    assertThat(two.organisationAt(NORTH.publicKey(), 20)).contains("Regional Office West");
    for (long index = 0; index < 20; index++) {
      assertThat(two.organisationAt(DEPOT.publicKey(), index))
          .isEqualTo(one.organisationAt(DEPOT.publicKey(), index));
      assertThat(two.organisationAt(NORTH.publicKey(), index))
          .isEqualTo(one.organisationAt(NORTH.publicKey(), index));
    }
    assertThat(two.committeeAt(25)).isEqualTo(genesis.network().genesis().committee());
  }

  @Test
  void anUpdateShortOfCosignaturesLinksOnceAMemberCosignsItLater() {
    Transaction issued = updates.sequence(1).effective(10).committee(1, N1).signedBy(G1);
    assertRefused(genesis.append(issued), LinkVerdict.Code.TOO_FEW_SIGNATURES);

    Transaction cosigned = SignedTransaction.reopen(issued).cosign(G3).complete(issued.nonce());

    assertThat(cosigned.essenceDigest()).isEqualTo(issued.essenceDigest());
    assertThat(cosigned.cosignatures()).hasSize(1);
    assertThat(genesis.append(cosigned)).isInstanceOf(LinkVerdict.Linked.class);
  }

  @Nested
  class LinksThatAreRefused {

    @Test
    void aSequenceOtherThanTheNext() {
      assertRefused(
          genesis.append(updates.sequence(2).effective(10).issuer(DEPOT, "D").signedBy(G1, G2)),
          LinkVerdict.Code.WRONG_SEQUENCE);
      TrustChain chain = linked(genesis.append(handOver()));
      assertRefused(chain.append(handOver()), LinkVerdict.Code.WRONG_SEQUENCE);
    }

    @Test
    void signaturesBelowTheThreshold() {
      assertRefused(
          genesis.append(updates.sequence(1).effective(10).committee(1, N1).signedBy(G1)),
          LinkVerdict.Code.TOO_FEW_SIGNATURES);
    }

    @Test
    void signaturesOfAnyCommitteeButTheOneInForceBeforeTheEffectiveIndex() {
      TrustChain chain = linked(genesis.append(handOver()));
      TrustUpdates second =
          TrustUpdates.on(genesis.network()).sequence(2).effective(30).issuer(DEPOT, "Depot");
      assertRefused(chain.append(second.signedBy(G1, G2, G3)), LinkVerdict.Code.TOO_FEW_SIGNATURES);
      assertRefused(
          genesis.append(
              TrustUpdates.on(genesis.network())
                  .sequence(1)
                  .effective(10)
                  .issuer(DEPOT, "Depot")
                  .signedBy(N1, N2)),
          LinkVerdict.Code.TOO_FEW_SIGNATURES);
      assertThat(chain.append(second.signedBy(N1, N2))).isInstanceOf(LinkVerdict.Linked.class);
    }

    @Test
    void anEffectiveIndexNotAboveThePreviousOne() {
      TrustChain chain = linked(genesis.append(handOver()));
      for (int effective : new int[] {10, 9, 1}) {
        assertRefused(
            chain.append(
                TrustUpdates.on(genesis.network())
                    .sequence(2)
                    .effective(effective)
                    .issuer(DEPOT, "Depot")
                    .signedBy(N1, N2)),
            LinkVerdict.Code.EFFECTIVE_INDEX_NOT_INCREASING);
      }
    }

    @Test
    void aCosignatureThatDoesNotVerify() {
      SignedTransaction signed =
          updates.sequence(1).effective(10).committee(1, N1).unsigned(G1).sign(G1);
      signed.addCosignature(new Cosignature(G2.publicKey(), G2.sign(new byte[32])));
      assertRefused(genesis.append(signed.complete(0)), LinkVerdict.Code.BAD_SIGNATURE);
    }

    @Test
    void anotherNetworksUpdate() {
      TrustChain other = TrustChain.ofGenesisFile(GenesisFile.encode(TestNetwork.genesis(1)));
      Transaction foreign =
          TrustUpdates.on(other.network())
              .sequence(1)
              .effective(10)
              .committee(1, N1)
              .signedBy(G1, G2);
      assertRefused(genesis.append(foreign), LinkVerdict.Code.WRONG_NETWORK);
    }
  }
}
