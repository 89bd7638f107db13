package org.tanglenode.protocol;

import java.time.Clock;
import java.util.List;
import org.tanglenode.crypto.pow.ProofOfWork;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.ValidationResult.Invalid;
import org.tanglenode.protocol.ValidationResult.Valid;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.Network;

/**
 * The one entry point for every rule that can be checked on a transaction alone. Checks run
 * cheapest first, so junk costs little: size, decoding, canonical encoding, structure, time window,
 * proof of work, and last the signatures. The ingest pipeline calls {@link #checkCheap} on the
 * receiving thread and {@link #checkSignatures} on a worker pool; {@link #validate} does both.
 * Thread-safe.
 */
public final class TransactionValidator {

  /** The only transaction format version so far. */
  public static final int VERSION = 1;

  public static final int MIN_PARENTS = 1;
  public static final int MAX_PARENTS = 8;

  /** Most cosignatures one transaction may carry (a committee's size is bounded by this). */
  public static final int MAX_COSIGNATURES = 64;

  private final Network network;
  private final Clock clock;
  private final TransactionDecoder decoder;
  private final Ed25519KeyCache keys;

  /** A validator that decodes every signer's key on every verify (no key cache). */
  public TransactionValidator(Network network, Clock clock) {
    this(network, clock, Ed25519KeyCache.disabled());
  }

  /**
   * A validator that verifies through {@code keys}, which keeps recent signers' decoded keys (the
   * verdicts are those of the plain verify; docs/crypto.md "Cached public keys").
   */
  public TransactionValidator(Network network, Clock clock, Ed25519KeyCache keys) {
    this.network = network;
    this.clock = clock;
    this.decoder = new TransactionDecoder(network.genesis().limits().maxTransactionBytes());
    this.keys = keys;
  }

  /** Every check, signatures included. */
  public ValidationResult validate(byte[] bytes) {
    ValidationResult cheap = checkCheap(bytes);
    return cheap instanceof Valid valid ? checkSignatures(valid.transaction()) : cheap;
  }

  /** Every check but the signatures: decoding, structure, time window and proof of work. */
  public ValidationResult checkCheap(byte[] bytes) {
    return checkCheap(bytes, null);
  }

  /**
   * As {@link #checkCheap(byte[])} with the bytes' id known to the caller ({@link TransactionId#of}
   * of exactly these bytes), so they are not hashed again; null: not known.
   */
  public ValidationResult checkCheap(byte[] bytes, TransactionId knownId) {
    ValidationResult decoded = decoder.decode(bytes, knownId);
    if (!(decoded instanceof Valid valid)) {
      return decoded;
    }
    Transaction tx = valid.transaction();
    Invalid problem = checkStructure(tx);
    if (problem == null) {
      problem = checkTimestamp(tx);
    }
    if (problem == null) {
      problem = checkProofOfWork(tx);
    }
    return problem == null ? decoded : problem;
  }

  /** The issuer's signature and every cosignature, over the essence digest. */
  public ValidationResult checkSignatures(Transaction tx) {
    byte[] digest = tx.essenceDigest();
    if (!keys.verify(tx.issuer(), digest, tx.signature())) {
      return ValidationResult.invalid(
          RejectReason.BAD_SIGNATURE, "the issuer's signature does not verify");
    }
    for (Cosignature cosignature : tx.cosignatures()) {
      if (!keys.verify(cosignature.publicKey(), digest, cosignature.signature())) {
        return ValidationResult.invalid(
            RejectReason.BAD_SIGNATURE,
            "the cosignature of " + cosignature.publicKey() + " does not verify");
      }
    }
    return new Valid(tx);
  }

  private Invalid checkStructure(Transaction tx) {
    if (tx.network() != network.shortId()) {
      return ValidationResult.invalid(
          RejectReason.WRONG_NETWORK,
          String.format(
              "network %016x, this is %016x (%s)",
              tx.network(), network.shortId(), network.genesis().name()));
    }
    if (tx.version() != VERSION) {
      return ValidationResult.invalid(
          RejectReason.UNSUPPORTED_VERSION, "version " + tx.version() + ", supported: " + VERSION);
    }
    List<TransactionId> parents = tx.parents();
    if (parents.size() < MIN_PARENTS || parents.size() > MAX_PARENTS) {
      return ValidationResult.invalid(
          RejectReason.PARENT_COUNT,
          parents.size() + " parents, allowed " + MIN_PARENTS + " to " + MAX_PARENTS);
    }
    for (int i = 1; i < parents.size(); i++) {
      int order = parents.get(i - 1).compareTo(parents.get(i));
      if (order == 0) {
        return ValidationResult.invalid(
            RejectReason.PARENTS_DUPLICATE, "parent " + parents.get(i) + " is listed twice");
      }
      if (order > 0) {
        return ValidationResult.invalid(
            RejectReason.PARENTS_UNORDERED, "parents are not in ascending order at " + i);
      }
    }
    if (tx.payload() instanceof Payload.Data data
        && data.size() > network.genesis().limits().maxDataBytes()) {
      return ValidationResult.invalid(
          RejectReason.DATA_TOO_LARGE,
          data.size()
              + " bytes of data, the limit is "
              + network.genesis().limits().maxDataBytes());
    }
    return checkCosignatures(tx);
  }

  private static Invalid checkCosignatures(Transaction tx) {
    List<Cosignature> cosignatures = tx.cosignatures();
    if (cosignatures.size() > MAX_COSIGNATURES) {
      return ValidationResult.invalid(
          RejectReason.INVALID_COSIGNATURES,
          cosignatures.size() + " cosignatures, at most " + MAX_COSIGNATURES);
    }
    Ed25519PublicKey previous = null;
    for (Cosignature cosignature : cosignatures) {
      Ed25519PublicKey key = cosignature.publicKey();
      if (key.equals(tx.issuer())) {
        return ValidationResult.invalid(
            RejectReason.INVALID_COSIGNATURES, "the issuer also signs as a cosigner");
      }
      if (previous != null && previous.compareTo(key) >= 0) {
        return ValidationResult.invalid(
            RejectReason.INVALID_COSIGNATURES,
            "cosignatures are sorted by public key, each key once");
      }
      previous = key;
    }
    return null;
  }

  private Invalid checkTimestamp(Transaction tx) {
    Genesis genesis = network.genesis();
    long now = clock.millis();
    long latest = now + genesis.limits().maxFutureDriftMs();
    if (tx.timestampMs() < genesis.timestampMs() || tx.timestampMs() > latest) {
      return ValidationResult.invalid(
          RejectReason.TIMESTAMP_OUT_OF_WINDOW,
          "timestamp "
              + tx.timestampMs()
              + " is outside ["
              + genesis.timestampMs()
              + ", "
              + latest
              + "]");
    }
    return null;
  }

  private Invalid checkProofOfWork(Transaction tx) {
    int difficulty = network.genesis().powDifficulty();
    if (difficulty > 0 && !ProofOfWork.meets(tx.essenceDigest(), tx.nonce(), difficulty)) {
      return ValidationResult.invalid(
          RejectReason.INSUFFICIENT_POW,
          ProofOfWork.leadingZeroBits(tx.essenceDigest(), tx.nonce())
              + " leading zero bits, the network asks for "
              + difficulty);
    }
    return null;
  }
}
