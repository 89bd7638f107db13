package org.tanglenode.consensus.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.consensus.TangleFixture.key;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanglenode.consensus.TangleFixture;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustUpdates;

class ConfirmedTrustTest {

  private final TangleFixture f = TangleFixture.create();
  private final ConfirmedTrust trust = new ConfirmedTrust(TrustChain.ofNetwork(f.network()));

  private Transaction update(int sequence, int effective, int issuerKey) {
    return TrustUpdates.on(f.network())
        .sequence(sequence)
        .effective(effective)
        .issuer(key(issuerKey), "Organisation " + issuerKey)
        .signedBy(key(101), key(102));
  }

  @Test
  void theUpdatesOfOneMilestoneApplyInSequenceOrderWhateverTheirConeOrder() {
    Transaction first = update(1, 10, 7);
    Transaction second = update(2, 20, 8);

    List<Transaction> appended = trust.confirmed(5, List.of(second, first));

    assertThat(appended).containsExactly(first, second);
    assertThat(trust.chain().updates()).containsExactly(first, second);
    assertThat(trust.organisationAt(key(8).publicKey(), 20)).contains("Organisation 8");
  }

  @Test
  void anUpdateConfirmedAtItsEffectiveIndexOrOneThatDoesNotLinkIsIgnored() {
    assertThat(trust.confirmed(10, List.of(update(1, 10, 7)))).isEmpty();
    assertThat(trust.confirmed(3, List.of(update(2, 10, 7)))).isEmpty();
    assertThat(trust.chain().lastSequence()).isZero();

    Transaction inTime = update(1, 11, 7);
    assertThat(trust.confirmed(10, List.of(inTime, f.data(f.root())))).containsExactly(inTime);
    assertThat(trust.organisationAt(key(7).publicKey(), 10)).isEmpty();
    assertThat(trust.organisationAt(key(7).publicKey(), 11)).contains("Organisation 7");
  }

  @Test
  void anUpdateMoreThanTheLeadAheadIsIgnoredSoATypoCannotFreezeTheChain() {
    Transaction typo = update(1, Integer.MAX_VALUE, 7);
    assertThat(trust.confirmed(5, List.of(typo))).isEmpty();
    assertThat(trust.confirmed(5, List.of(update(1, 5 + TrustChain.MAX_LEAD + 1, 7)))).isEmpty();

    Transaction atTheLead = update(1, 6 + TrustChain.MAX_LEAD, 7);
    assertThat(trust.confirmed(6, List.of(atTheLead))).containsExactly(atTheLead);
  }

  @Test
  void theSettledIndexFollowsEveryMilestoneOffered() {
    trust.confirmed(4, List.of());
    assertThat(trust.settled().settledIndex()).isEqualTo(4);
    assertThat(trust.settled().isFinal(5)).isTrue();
    assertThat(trust.settled().isFinal(6)).isFalse();
  }
}
