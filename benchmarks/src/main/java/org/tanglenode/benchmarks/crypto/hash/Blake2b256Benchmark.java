package org.tanglenode.benchmarks.crypto.hash;

import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.hash.HashFunction;

/**
 * BLAKE2b-256 over a message the size of a typical transaction (300 bytes): the cost of one
 * transaction id. {@code -p size=N} measures other sizes.
 */
@State(Scope.Thread)
public class Blake2b256Benchmark extends BenchmarkBase {

  @Param({"300"})
  int size;

  private byte[] message;
  private HashFunction hash;

  @Setup
  public void setUp() {
    message = new byte[size];
    new Random(SEED).nextBytes(message);
    hash = HashFunction.blake2b256();
  }

  /** The static entry point the decoder uses for ids and essence digests. */
  @Benchmark
  public byte[] digest() {
    return Blake2b256.digest(message);
  }

  /** The same hash through the {@link HashFunction} interface that Merkle trees use. */
  @Benchmark
  public byte[] hashFunction() {
    return hash.hash(message);
  }
}
