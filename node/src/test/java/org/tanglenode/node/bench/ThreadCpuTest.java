package org.tanglenode.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void groupsThreadsByNameWithoutTheirNumbers() {
    assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo("GC Thread");
    assertThat(ThreadCpu.group("ingest-signatur")).isEqualTo("ingest-signatur");
    assertThat(ThreadCpu.group("vert.x-worker-t")).isEqualTo("vert.x-worker-t");
    assertThat(ThreadCpu.group("gossip-io-2-1")).isEqualTo("gossip-io");
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
    assertThat(ThreadCpu.group("42")).isEqualTo("42");
  }

  @Test
  void readsThisProcessesThreadsAndAttributesTheirCpu() throws InterruptedException {
    long pid = ProcessHandle.current().pid();
    org.junit.jupiter.api.Assumptions.assumeTrue(ThreadCpu.available(pid), "needs /proc");
    ThreadCpu.Snapshot before = ThreadCpu.snapshot(pid);
    java.util.concurrent.CountDownLatch spun = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
    Thread spin =
        new Thread(
            () -> {
              spin();
              spun.countDown();
              // Stay alive until measured: an ended thread counts only as "(exited threads)".
              try {
                measured.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-spin-1");
    spin.start();
    spun.await();
    ThreadCpu.Snapshot after = ThreadCpu.snapshot(pid);
    measured.countDown();
    spin.join();
    assertThat(ThreadCpu.processSeconds(before, after)).isGreaterThanOrEqualTo(0.25);
    assertThat(ThreadCpu.secondsByGroup(before, after)).containsKey("bench-spin");
    assertThat(ThreadCpu.secondsByGroup(before, after).get("bench-spin"))
        .isGreaterThanOrEqualTo(0.25);
  }

  /** Spins for 300 ms of this thread's own CPU time, however loaded the machine is. */
  private static void spin() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    long until = threads.getCurrentThreadCpuTime() + 300_000_000L;
    while (threads.getCurrentThreadCpuTime() < until) {
      sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
    }
    assertThat(sink).isNotNegative();
  }
}
