package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;

/** What `tangle trail prove` concludes from a transaction's bytes, for each kind of mismatch. */
class FieldProofTest {

  private static final Network NETWORK = TestNetwork.network(0);
  private final SecureRandom random = new SecureRandom();

  private static Transaction transaction(Tag tag, byte[] data) {
    try (PowSolver solver = new PowSolver(1)) {
      return new TransactionIssuer(NETWORK, Clock.systemUTC(), solver)
          .issue(
              TestNetwork.key(1),
              List.of(NETWORK.rootId()),
              new Payload.Data(Optional.of(tag), data));
    }
  }

  private TrailAppendCommand.SealedEvent paid(String trail) {
    return TrailAppendCommand.seal(
        trail, "paid", List.of(), Map.of("amount", "10"), Map.of("recipient-ref", "R-1"), random);
  }

  @Test
  void theValueWithItsSaltIsProvenAndAnyOtherValueOrSaltIsRefused() {
    TrailAppendCommand.SealedEvent sealed = paid("d-1");
    Transaction tx = transaction(TrailEvent.tagOf("d-1"), Records.encode(sealed.event()));
    byte[] salt = sealed.salts().get("recipient-ref");

    assertThat(FieldProof.check(tx, "d-1", "recipient-ref", "R-1", salt).outcome())
        .isEqualTo(FieldProof.Outcome.PROVEN);
    assertThat(FieldProof.check(tx, "d-1", "recipient-ref", "R-2", salt).outcome())
        .isEqualTo(FieldProof.Outcome.REFUSED);
    byte[] otherSalt = salt.clone();
    otherSalt[0] ^= 1;
    assertThat(FieldProof.check(tx, "d-1", "recipient-ref", "R-1", otherSalt).outcome())
        .isEqualTo(FieldProof.Outcome.REFUSED);
    assertThat(FieldProof.check(tx, "d-1", "amount", "10", salt).outcome())
        .isEqualTo(FieldProof.Outcome.NO_SUCH_FIELD);
  }

  @Test
  void anEventOutsideItsTrailsTagOrOfAnotherTrailIsNoProof() {
    TrailAppendCommand.SealedEvent sealed = paid("d-1");
    byte[] salt = sealed.salts().get("recipient-ref");
    byte[] data = Records.encode(sealed.event());

    Transaction otherTag = transaction(Tag.of("d-1"), data);
    Transaction underOtherTrail = transaction(TrailEvent.tagOf("d-2"), data);
    Transaction notARecord = transaction(TrailEvent.tagOf("d-1"), "R-1".getBytes());

    for (Transaction tx : List.of(otherTag, notARecord)) {
      assertThat(FieldProof.check(tx, "d-1", "recipient-ref", "R-1", salt).outcome())
          .isEqualTo(FieldProof.Outcome.NOT_AN_EVENT_OF_TRAIL);
    }
    assertThat(FieldProof.check(underOtherTrail, "d-2", "recipient-ref", "R-1", salt).outcome())
        .as("the event names trail d-1, though it is under d-2's tag")
        .isEqualTo(FieldProof.Outcome.NOT_AN_EVENT_OF_TRAIL);
  }
}
