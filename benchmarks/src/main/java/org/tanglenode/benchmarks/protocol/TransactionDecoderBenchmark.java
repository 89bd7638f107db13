package org.tanglenode.benchmarks.protocol;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Network;

/**
 * Decoding one ~300-byte data transaction: size check, protobuf parse, unknown-field and
 * canonical-encoding check (re-encode and compare), the domain objects, and the two BLAKE2b-256
 * digests (id and essence digest) the decoder computes.
 */
@State(Scope.Thread)
public class TransactionDecoderBenchmark extends BenchmarkBase {

  private TransactionDecoder decoder;
  private byte[] transaction;

  @Setup
  public void setUp() {
    Ed25519PrivateKey issuer = SampleTransactions.issuer(SEED);
    Network network = SampleTransactions.network(0, issuer);
    decoder = new TransactionDecoder(network.genesis().limits().maxTransactionBytes());
    transaction =
        SampleTransactions.dataTransaction(
            network, issuer, SampleTransactions.TRANSACTION_BYTES, SEED);
    if (!decode().isValid()) {
      throw new IllegalStateException("the sample transaction does not decode: " + decode());
    }
  }

  @Benchmark
  public ValidationResult decode() {
    return decoder.decode(transaction);
  }
}
