package org.tanglenode.protocol.receipt;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.merkle.ConsistencyProof;
import org.tanglenode.crypto.merkle.MerkleHasher;
import org.tanglenode.crypto.merkle.ProofVerdict;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.receipt.HistoryVerdict.Reason;
import org.tanglenode.protocol.receipt.HistoryVerdict.Refused;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * Checks, against a trust root alone, that the history root of a later milestone extends that of an
 * earlier one: both milestones signed by their committees, and the RFC 9162 consistency proof
 * between their history sizes leading to both roots. An auditor who kept the earlier milestone (or
 * any receipt holding it) thereby learns that nothing confirmed up to it was removed or reordered
 * since. Thread safe.
 */
public final class HistoryVerifier {

  private final MilestoneCheck milestones;
  private final MerkleHasher hasher = MerkleHasher.blake2b256();

  public HistoryVerifier(TrustRoot trust) {
    this.milestones = new MilestoneCheck(Objects.requireNonNull(trust, "trust"));
  }

  /**
   * Checks the consistency proof {@code proof} (its hashes in RFC 9162 order) from milestone {@code
   * from} to milestone {@code to}, given as transaction bytes; if the auditor {@code kept} a
   * milestone of their own, it must be valid and commit to the same index and history as {@code
   * from}.
   */
  public HistoryVerdict verify(Optional<byte[]> kept, byte[] from, byte[] to, List<byte[]> proof) {
    MilestoneCheck.Result checkedFrom = milestones.check(from);
    if (checkedFrom instanceof MilestoneCheck.Failed failed) {
      return refused("from", failed);
    }
    MilestoneCheck.Result checkedTo = milestones.check(to);
    if (checkedTo instanceof MilestoneCheck.Failed failed) {
      return refused("to", failed);
    }
    MilestoneCheck.Checked old = (MilestoneCheck.Checked) checkedFrom;
    MilestoneCheck.Checked now = (MilestoneCheck.Checked) checkedTo;
    if (kept.isPresent()) {
      MilestoneCheck.Result checkedKept = milestones.check(kept.get());
      if (checkedKept instanceof MilestoneCheck.Failed failed) {
        return refused("kept", failed);
      }
      Payload.Milestone mine = ((MilestoneCheck.Checked) checkedKept).payload();
      if (mine.index() != old.payload().index()
          || mine.historySize() != old.payload().historySize()
          || !MessageDigest.isEqual(mine.historyRoot(), old.payload().historyRoot())) {
        return new Refused(
            Reason.KEPT_MISMATCH,
            "the kept milestone is "
                + describe(mine)
                + ", the node's earlier milestone is "
                + describe(old.payload()));
      }
    }
    Payload.Milestone a = old.payload();
    Payload.Milestone b = now.payload();
    if (a.index() > b.index() || a.historySize() > b.historySize()) {
      return new Refused(
          Reason.OUT_OF_ORDER,
          "the earlier milestone is " + describe(a) + ", the later one " + describe(b));
    }
    ProofVerdict verdict;
    if (a.historySize() == 0 && b.historySize() > 0) {
      // RFC 9162 has no proof from the empty tree; every history extends it, if it is empty.
      verdict =
          MessageDigest.isEqual(a.historyRoot(), hasher.emptyRoot()) && proof.isEmpty()
              ? ProofVerdict.accept()
              : ProofVerdict.reject(
                  ProofVerdict.Code.OLD_ROOT_MISMATCH,
                  "an empty history has the empty root and needs no proof hashes");
    } else {
      verdict =
          new ConsistencyProof(a.historySize(), b.historySize(), proof)
              .verify(hasher, a.historyRoot(), b.historyRoot());
    }
    if (verdict instanceof ProofVerdict.Rejected rejected) {
      return new Refused(
          Reason.PROOF_REJECTED,
          "from milestone "
              + a.index()
              + " to milestone "
              + b.index()
              + ": "
              + rejected.code()
              + ": "
              + rejected.detail());
    }
    return new HistoryVerdict.Consistent(
        a, b, old.transaction().timestampMs(), now.transaction().timestampMs());
  }

  private static Refused refused(String which, MilestoneCheck.Failed failed) {
    Reason reason =
        switch (failed.kind()) {
          case WRONG_NETWORK -> Reason.WRONG_NETWORK;
          case INVALID -> Reason.MILESTONE_INVALID;
          case NOT_A_MILESTONE -> Reason.NOT_A_MILESTONE;
          case BELOW_THRESHOLD -> Reason.BELOW_THRESHOLD;
        };
    return new Refused(reason, which + " milestone: " + failed.message());
  }

  private static String describe(Payload.Milestone m) {
    return "index " + m.index() + " with " + m.historySize() + " history leaves";
  }
}
