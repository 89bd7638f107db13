package org.tanglenode.crypto.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PowSolverTest {

  private static final int THREADS = 2;

  private static byte[] digest(long seed) {
    byte[] digest = new byte[32];
    new Random(seed).nextBytes(digest);
    return digest;
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
      await().atMost(Duration.ofSeconds(5)).until(() -> solver.pendingSolves() == 0);
    }
  }

  @Test
  void cancellingStopsTheWorkersPromptlyAndFreesThem() throws Exception {
    try (PowSolver solver = new PowSolver(THREADS)) {
      solver.start();
      CompletableFuture<Long> hopeless = solver.solve(digest(60), 60);
      await("workers busy")
          .atMost(Duration.ofSeconds(10))
          .until(() -> solver.busyWorkers() == THREADS);

      hopeless.cancel(true);

      // A worker checks the flag every CHECK_INTERVAL hashes (well under a millisecond); the
      // generous bound only tells a stopped worker from one that would hash 2^60 times.
      await("workers idle after the cancel")
          .atMost(Duration.ofSeconds(5))
          .until(() -> solver.busyWorkers() == 0);
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
    await("workers busy")
        .atMost(Duration.ofSeconds(10))
        .until(() -> solver.busyWorkers() == THREADS);

    solver.close();
    solver.close();

    assertThat(running).isCancelled();
    assertThat(queued).isCancelled();
    assertThatThrownBy(() -> running.get(1, TimeUnit.SECONDS))
        .isInstanceOf(CancellationException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> solver.busyWorkers() == 0);
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
      await().atMost(Duration.ofSeconds(5)).until(() -> solver.pendingSolves() == 0);
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
