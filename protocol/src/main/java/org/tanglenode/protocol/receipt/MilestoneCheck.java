package org.tanglenode.protocol.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * Checks milestone bytes with nothing but a trust root, as a node checks a milestone before it
 * stores it: a valid transaction of the network, every signature valid, a milestone payload, and at
 * least the threshold of distinct members of the committee in office at the milestone's index among
 * the issuer and the cosigners. Keys outside that committee neither count nor harm, as in
 * consensus; their signatures must still verify, so no byte of the milestone goes unchecked.
 */
final class MilestoneCheck {

  /**
   * The clock a milestone is validated against. The upper end of the time window is a rule for
   * transactions arriving at a node; a milestone in a receipt is long past its arrival, so only the
   * lower end (not before genesis) applies. A clock far in the future leaves just that.
   */
  private static final Clock NO_UPPER_BOUND =
      Clock.fixed(Instant.ofEpochMilli(Long.MAX_VALUE / 4), ZoneOffset.UTC);

  enum Kind {
    WRONG_NETWORK,
    INVALID,
    NOT_A_MILESTONE,
    BELOW_THRESHOLD
  }

  sealed interface Result {}

  /** A milestone the committee signed, with the members who did. */
  record Checked(Transaction transaction, Payload.Milestone payload, List<Ed25519PublicKey> signers)
      implements Result {}

  record Failed(Kind kind, String message) implements Result {}

  private final TrustRoot trust;
  private final TransactionValidator validator;

  MilestoneCheck(TrustRoot trust) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.validator = new TransactionValidator(trust.network(), NO_UPPER_BOUND);
  }

  Result check(byte[] bytes) {
    ValidationResult cheap = validator.checkCheap(bytes);
    if (cheap instanceof ValidationResult.Invalid invalid) {
      return new Failed(
          invalid.reason() == RejectReason.WRONG_NETWORK ? Kind.WRONG_NETWORK : Kind.INVALID,
          invalid.reason() + ": " + invalid.detail());
    }
    Transaction tx = ((ValidationResult.Valid) cheap).transaction();
    if (!(tx.payload() instanceof Payload.Milestone payload)) {
      return new Failed(
          Kind.NOT_A_MILESTONE, tx.id() + " carries a " + tx.payload().kind() + " payload");
    }
    if (validator.checkSignatures(tx) instanceof ValidationResult.Invalid invalid) {
      return new Failed(Kind.INVALID, invalid.reason() + ": " + invalid.detail());
    }
    Committee committee = trust.committeeAt(payload.index());
    SortedSet<Ed25519PublicKey> signers = committee.membersAmong(tx.issuer(), tx.cosignatures());
    if (signers.size() < committee.threshold()) {
      return new Failed(
          Kind.BELOW_THRESHOLD,
          "milestone "
              + payload.index()
              + " is signed by "
              + signers.size()
              + " distinct committee keys, the threshold is "
              + committee.threshold());
    }
    return new Checked(tx, payload, List.copyOf(new ArrayList<>(signers)));
  }
}
