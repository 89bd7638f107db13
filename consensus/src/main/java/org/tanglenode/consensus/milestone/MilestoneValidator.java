package org.tanglenode.consensus.milestone;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.Cosignature;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Committee;
import org.tanglenode.protocol.genesis.Network;
import org.tanglenode.protocol.trust.GenesisTrust;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * The checks a milestone must pass, against the trust root alone ({@link #checkSignatures}) and
 * against the node's confirmed state ({@link #validate}). Every failure is a {@link
 * MilestoneVerdict.Rejected} with a code; nothing here changes any state. Thread safe.
 */
public final class MilestoneValidator {

  private final TrustRoot trust;
  private final SignatureVerdicts verdicts;

  /** Checks signatures against the committee the trust root names for each milestone's index. */
  public MilestoneValidator(TrustRoot trust) {
    this(trust, new SignatureVerdicts(SignatureVerdicts.DEFAULT_CAPACITY));
  }

  /**
   * As above, reusing and adding to {@code verdicts}: validators that share it verify a milestone's
   * signatures against a given committee once.
   */
  public MilestoneValidator(TrustRoot trust, SignatureVerdicts verdicts) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
  }

  /** Checks signatures against the genesis committee at every index. */
  public MilestoneValidator(Network network) {
    this(new GenesisTrust(network));
  }

  /**
   * The checks that need only the trust root: a milestone payload of this network, every signature
   * by a key of the committee in force at the milestone's index valid, and at least that
   * committee's threshold of distinct committee keys among the issuer and the cosigners. Keys
   * outside that committee (an earlier or a later one included) neither count nor harm. A node runs
   * this before it stores a milestone as the milestone of its index.
   */
  public MilestoneVerdict checkSignatures(Transaction tx) {
    if (!(tx.payload() instanceof Payload.Milestone)) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.NOT_A_MILESTONE, tx.id() + " carries " + tx.payload().kind());
    }
    Network network = trust.network();
    if (tx.network() != network.shortId()) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.WRONG_NETWORK, "network " + Long.toHexString(tx.network()));
    }
    Committee committee = trust.committeeAt(((Payload.Milestone) tx.payload()).index());
    Optional<MilestoneVerdict> known = verdicts.find(tx.id(), committee);
    if (known.isPresent()) {
      return known.get();
    }
    MilestoneVerdict verdict = verify(tx, committee);
    verdicts.remember(tx.id(), committee, verdict);
    return verdict;
  }

  private static MilestoneVerdict verify(Transaction tx, Committee committee) {
    byte[] digest = tx.essenceDigest();
    Set<Ed25519PublicKey> signers = new TreeSet<>();
    Optional<MilestoneVerdict> forged =
        countSigner(committee, digest, tx.issuer(), tx.signature(), signers);
    if (forged.isPresent()) {
      return forged.get();
    }
    for (Cosignature cosignature : tx.cosignatures()) {
      forged =
          countSigner(committee, digest, cosignature.publicKey(), cosignature.signature(), signers);
      if (forged.isPresent()) {
        return forged.get();
      }
    }
    if (signers.size() < committee.threshold()) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.TOO_FEW_SIGNATURES,
          signers.size()
              + " distinct keys of the committee at index "
              + ((Payload.Milestone) tx.payload()).index()
              + " signed, its threshold is "
              + committee.threshold());
    }
    return MilestoneVerdict.valid();
  }

  private static Optional<MilestoneVerdict> countSigner(
      Committee committee,
      byte[] digest,
      Ed25519PublicKey key,
      Ed25519Signature signature,
      Set<Ed25519PublicKey> signers) {
    if (!committee.contains(key)) {
      return Optional.empty();
    }
    if (!key.verify(digest, signature)) {
      return Optional.of(
          MilestoneVerdict.reject(
              MilestoneVerdict.Code.BAD_SIGNATURE,
              "the signature of committee key " + key.toHex() + " does not verify"));
    }
    signers.add(key);
    return Optional.empty();
  }

  /** Index and chain: the milestone is the one after the last confirmed milestone. */
  public MilestoneVerdict checkSequence(
      Payload.Milestone milestone, int expectedIndex, Optional<TransactionId> expectedPrevious) {
    if (milestone.index() != expectedIndex) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.OUT_OF_SEQUENCE,
          "index " + milestone.index() + ", the next is " + expectedIndex);
    }
    if (!milestone.previous().equals(expectedPrevious)) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.WRONG_PREVIOUS,
          "previous "
              + milestone.previous().map(TransactionId::toHex).orElse("(none)")
              + ", expected "
              + expectedPrevious.map(TransactionId::toHex).orElse("(none)"));
    }
    return MilestoneVerdict.valid();
  }

  /** The roots and size the milestone carries against those computed here. */
  public MilestoneVerdict checkCommitments(
      Payload.Milestone milestone, Payload.Milestone expected) {
    if (!MessageDigest.isEqual(milestone.confirmedRoot(), expected.confirmedRoot())) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.CONFIRMED_ROOT_MISMATCH,
          "confirmed root "
              + hex(milestone.confirmedRoot())
              + ", computed "
              + hex(expected.confirmedRoot()));
    }
    if (milestone.historySize() != expected.historySize()) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.HISTORY_SIZE_MISMATCH,
          "history size " + milestone.historySize() + ", computed " + expected.historySize());
    }
    if (!MessageDigest.isEqual(milestone.historyRoot(), expected.historyRoot())) {
      return MilestoneVerdict.reject(
          MilestoneVerdict.Code.HISTORY_ROOT_MISMATCH,
          "history root "
              + hex(milestone.historyRoot())
              + ", computed "
              + hex(expected.historyRoot()));
    }
    return MilestoneVerdict.valid();
  }

  /** Every check: signatures, then sequence, then the commitments. */
  public MilestoneVerdict validate(Transaction tx, Payload.Milestone expected) {
    MilestoneVerdict signatures = checkSignatures(tx);
    if (!signatures.isValid()) {
      return signatures;
    }
    Payload.Milestone milestone = (Payload.Milestone) tx.payload();
    MilestoneVerdict sequence = checkSequence(milestone, expected.index(), expected.previous());
    if (!sequence.isValid()) {
      return sequence;
    }
    return checkCommitments(milestone, expected);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
