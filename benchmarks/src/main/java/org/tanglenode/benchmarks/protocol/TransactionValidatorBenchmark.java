package org.tanglenode.benchmarks.protocol;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.sign.Ed25519KeyCache;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Network;

/**
 * The validator on one valid ~300-byte data transaction: {@link #checkCheap} (decode, structure,
 * time window, proof of work) as the receiving thread runs it, {@link #checkSignatures} on an
 * already decoded transaction as a worker runs it, and {@link #validate}, both from bytes. {@code
 * powDifficulty} 0 is a benchmark network (no proof-of-work check); above 0 the check costs one
 * more BLAKE2b-256, whatever the difficulty. {@link #checkSignaturesKeyCache} is {@link
 * #checkSignatures} by a validator with an {@link Ed25519KeyCache} holding the issuer's key, as the
 * node's ingest runs it for a repeat signer.
 */
@State(Scope.Thread)
public class TransactionValidatorBenchmark extends BenchmarkBase {

  @Param({"0", "16"})
  int powDifficulty;

  private TransactionValidator validator;
  private TransactionValidator cachedValidator;
  private byte[] transaction;
  private Transaction decoded;

  @Setup
  public void setUp() {
    Ed25519PrivateKey issuer = SampleTransactions.issuer(SEED);
    Network network = SampleTransactions.network(powDifficulty, issuer);
    validator = new TransactionValidator(network, SampleTransactions.clock());
    transaction =
        SampleTransactions.dataTransaction(
            network, issuer, SampleTransactions.TRANSACTION_BYTES, SEED);
    ValidationResult result = validator.validate(transaction);
    if (!(result instanceof ValidationResult.Valid valid)) {
      throw new IllegalStateException("the sample transaction is not valid: " + result);
    }
    decoded = valid.transaction();
    cachedValidator =
        new TransactionValidator(
            network, SampleTransactions.clock(), new Ed25519KeyCache(1024, SEED));
    if (!(cachedValidator.checkSignatures(decoded) instanceof ValidationResult.Valid)) {
      throw new IllegalStateException("the sample transaction does not verify through the cache");
    }
  }

  @Benchmark
  public ValidationResult checkCheap() {
    return validator.checkCheap(transaction);
  }

  @Benchmark
  public ValidationResult checkSignatures() {
    return validator.checkSignatures(decoded);
  }

  @Benchmark
  public ValidationResult checkSignaturesKeyCache() {
    return cachedValidator.checkSignatures(decoded);
  }

  @Benchmark
  public ValidationResult validate() {
    return validator.validate(transaction);
  }
}
