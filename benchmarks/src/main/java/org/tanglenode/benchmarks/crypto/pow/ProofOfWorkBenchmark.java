package org.tanglenode.benchmarks.crypto.pow;

import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tanglenode.benchmarks.BenchmarkBase;
import org.tanglenode.crypto.pow.ProofOfWork;

/**
 * The proof-of-work hash rate of one thread: {@link ProofOfWork#meets} over successive nonces, as a
 * solver tries them. One operation is one nonce tried, so ops/s is hashes per second per core. The
 * difficulty does not change the cost of a try, only how many tries a solution needs (2^d on
 * average).
 */
@State(Scope.Thread)
public class ProofOfWorkBenchmark extends BenchmarkBase {

  /** High enough that a hit is rare and the branch predictable, as in a real search. */
  private static final int DIFFICULTY = 24;

  private byte[] essenceDigest;
  private long nonce;

  @Setup
  public void setUp() {
    essenceDigest = new byte[32];
    new Random(SEED).nextBytes(essenceDigest);
    nonce = 0;
  }

  @Benchmark
  public boolean meets() {
    return ProofOfWork.meets(essenceDigest, nonce++, DIFFICULTY);
  }
}
