package org.tanglenode.crypto.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PowSolverTest {

  private static final int THREADS = 2;

  private static byte[] digest(long seed) {
    byte[] digest = new byte[32];
    new Random(seed).nextBytes(digest);
    return digest;
  }

  /** Waits up to {@code millis} for {@code condition}; whether it became true. */
  private static boolean within(long millis, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }

  @Test
  void solvedNoncesVerifyAtDifficulties0To16() throws Exception {
    try (PowSolver solver = new PowSolver(THREADS)) {
      solver.start();
      for (int difficulty = 0; difficulty <= 16; difficulty++) {
        byte[] digest = digest(difficulty);

        long nonce = solver.solve(digest, difficulty).get(60, TimeUnit.SECONDS);

        assertThat(ProofOfWork.meets(digest, nonce, difficulty))
            .as("difficulty %d nonce %d", difficulty, nonce)
            .isTrue();
      }
    }
  }

  @Test
  void oneWorkerFindsTheSmallestNonce() throws Exception {
    byte[] digest = digest(99);
    long smallest = 0;
    while (!ProofOfWork.meets(digest, smallest, 10)) {
      smallest++;
    }
    try (PowSolver solver = new PowSolver(1)) {
      solver.start();

      assertThat(solver.solve(digest, 10).get(60, TimeUnit.SECONDS)).isEqualTo(smallest);
    }
  }

  @Test
  void concurrentSolvesAllComplete() throws Exception {
    try (PowSolver solver = new PowSolver(THREADS)) {
      solver.start();
      @SuppressWarnings("unchecked")
      CompletableFuture<Long>[] futures = new CompletableFuture[8];
      for (int i = 0; i < futures.length; i++) {
        futures[i] = solver.solve(digest(1000 + i), 8);
      }
      for (int i = 0; i < futures.length; i++) {
        assertThat(ProofOfWork.meets(digest(1000 + i), futures[i].get(60, TimeUnit.SECONDS), 8))
            .isTrue();
      }
      assertThat(within(1000, () -> solver.pendingSolves() == 0)).isTrue();
    }
  }

  @Test
  void cancellingStopsTheWorkersWithinASecondAndFreesThem() throws Exception {
    try (PowSolver solver = new PowSolver(THREADS)) {
      solver.start();
      CompletableFuture<Long> hopeless = solver.solve(digest(60), 60);
      assertThat(within(5000, () -> solver.busyWorkers() == THREADS)).as("workers busy").isTrue();

      long cancelledAt = System.nanoTime();
      hopeless.cancel(true);

      assertThat(within(1000, () -> solver.busyWorkers() == 0))
          .as("workers idle within a second of the cancel")
          .isTrue();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt)).isLessThan(1000);
      assertThat(hopeless).isCancelled();
      byte[] digest = digest(61);
      long nonce = solver.solve(digest, 8).get(5, TimeUnit.SECONDS);
      assertThat(ProofOfWork.meets(digest, nonce, 8)).isTrue();
    }
  }

  @Test
  void closeCancelsUnfinishedSolvesAndIsIdempotent() throws Exception {
    PowSolver solver = new PowSolver(THREADS);
    solver.start();
    CompletableFuture<Long> running = solver.solve(digest(1), 60);
    CompletableFuture<Long> queued = solver.solve(digest(2), 60);
    assertThat(within(5000, () -> solver.busyWorkers() == THREADS)).as("workers busy").isTrue();

    solver.close();
    solver.close();

    assertThat(running).isCancelled();
    assertThat(queued).isCancelled();
    assertThatThrownBy(() -> running.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    assertThat(within(1000, () -> solver.busyWorkers() == 0)).isTrue();
  }

  @Test
  void solvingAfterCloseFailsClearly() {
    PowSolver solver = new PowSolver(THREADS);
    solver.start();
    solver.close();

    assertThatThrownBy(() -> solver.solve(digest(3), 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLOSED");
  }

  @Test
  void closeWithoutStartIsFineAndStartAfterCloseFails() {
    PowSolver solver = new PowSolver(THREADS);
    solver.close();

    assertThatThrownBy(solver::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void startsOnceAndSolvesOnlyWhenStarted() {
    try (PowSolver solver = new PowSolver(THREADS)) {
      assertThatThrownBy(() -> solver.solve(digest(4), 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("NEW");
      solver.start();
      assertThatThrownBy(solver::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void refusesSolvesBeyondTheBound() throws Exception {
    try (PowSolver solver = new PowSolver(1, 1)) {
      solver.start();
      CompletableFuture<Long> first = solver.solve(digest(5), 60);

      CompletableFuture<Long> second = solver.solve(digest(6), 1);

      assertThat(second).isCompletedExceptionally();
      assertThatThrownBy(() -> second.get(1, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RejectedExecutionException.class);
      first.cancel(true);
      assertThat(within(1000, () -> solver.pendingSolves() == 0)).isTrue();
      assertThat(solver.solve(digest(7), 1).get(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new PowSolver(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PowSolver(1, 0)).isInstanceOf(IllegalArgumentException.class);
    try (PowSolver solver = new PowSolver(1)) {
      solver.start();
      assertThatThrownBy(() -> solver.solve(new byte[31], 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> solver.solve(new byte[32], 256))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theDefaultUsesEveryProcessor() {
    try (PowSolver solver = new PowSolver()) {
      assertThat(solver.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
  }
}
