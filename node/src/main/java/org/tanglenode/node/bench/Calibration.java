package org.tanglenode.node.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.Network;

/**
 * The cost, in this process and on this machine at this moment, of one Ed25519 verify and one
 * {@code TransactionValidator.validate} of a generated transaction: the units the node's CPU per
 * transaction is divided by, so results compare across machines and loads. Each is the median of
 * several rounds after a warm-up, timed in this thread's CPU time (as the node's CPU is counted),
 * so time the thread spends descheduled on a loaded machine does not count.
 */
final class Calibration {

  record Costs(double verifyMicros, double validateMicros) {}

  private static final int ROUNDS = 9;
  private static final int PER_ROUND = 300;

  private Calibration() {}

  static Costs measure(Network network, byte[] transaction) {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    Ed25519PublicKey publicKey = key.publicKey();
    byte[] message = new byte[32];
    Ed25519Signature signature = key.sign(message);
    TransactionValidator validator = new TransactionValidator(network, Clock.systemUTC());
    if (!(validator.validate(transaction) instanceof ValidationResult.Valid)) {
      throw new BenchFailedException("a generated transaction does not validate");
    }
    for (int i = 0; i < 3 * PER_ROUND; i++) {
      publicKey.verify(message, signature);
      validator.validate(transaction);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LongSupplier clock =
        threads.isCurrentThreadCpuTimeSupported()
            ? threads::getCurrentThreadCpuTime
            : System::nanoTime;
    double[] verify = new double[ROUNDS];
    double[] validate = new double[ROUNDS];
    boolean sink = true;
    for (int r = 0; r < ROUNDS; r++) {
      long start = clock.getAsLong();
      for (int i = 0; i < PER_ROUND; i++) {
        sink &= publicKey.verify(message, signature);
      }
      verify[r] = (clock.getAsLong() - start) / 1_000.0 / PER_ROUND;
      start = clock.getAsLong();
      for (int i = 0; i < PER_ROUND; i++) {
        sink &= validator.validate(transaction) instanceof ValidationResult.Valid;
      }
      validate[r] = (clock.getAsLong() - start) / 1_000.0 / PER_ROUND;
    }
    if (!sink) {
      throw new BenchFailedException("a verification failed during calibration");
    }
    return new Costs(median(verify), median(validate));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
