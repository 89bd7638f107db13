package org.tanglenode.node.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads from {@code /proc/PID/task/TID/stat} (user + system, in clock
 * ticks of 10 ms on Linux), grouped by thread name with trailing numbers stripped ({@code
 * tangle-sig-1} and {@code tangle-sig-2} are one group). The kernel keeps 15 characters of a
 * thread's name. Threads that ended between two snapshots are counted only in the process total,
 * reported as the group {@code (exited threads)}.
 */
final class ThreadCpu {

  /** Linux's USER_HZ, the unit of the stat file's times on every common architecture. */
  static final double TICK_SECONDS = 0.01;

  /** A snapshot: ticks per thread id (with its group) and the whole process's ticks. */
  record Snapshot(Map<Long, Long> threadTicks, Map<Long, String> groups, long processTicks) {}

  private ThreadCpu() {}

  static boolean available(long pid) {
    return Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"));
  }

  static Snapshot snapshot(long pid) {
    Map<Long, Long> ticks = new HashMap<>();
    Map<Long, String> groups = new HashMap<>();
    Path task = Path.of("/proc", Long.toString(pid), "task");
    long process = 0;
    try {
      process = ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
      try (Stream<Path> threads = Files.list(task)) {
        for (Path thread : (Iterable<Path>) threads::iterator) {
          try {
            String stat = Files.readString(thread.resolve("stat"));
            long tid = Long.parseLong(thread.getFileName().toString());
            ticks.put(tid, ticksOf(stat));
            groups.put(tid, group(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))));
          } catch (IOException | RuntimeException e) {
            // the thread ended while we listed it
          }
        }
      }
    } catch (IOException e) {
      // the process ended: an empty snapshot
    }
    return new Snapshot(ticks, groups, process);
  }

  /** CPU seconds per group between two snapshots, the largest first in the map's order. */
  static Map<String, Double> secondsByGroup(Snapshot before, Snapshot after) {
    Map<String, Double> seconds = new TreeMap<>();
    long attributed = 0;
    for (Map.Entry<Long, Long> thread : after.threadTicks().entrySet()) {
      long delta = thread.getValue() - before.threadTicks().getOrDefault(thread.getKey(), 0L);
      attributed += delta;
      seconds.merge(after.groups().get(thread.getKey()), delta * TICK_SECONDS, Double::sum);
    }
    long exited = (after.processTicks() - before.processTicks()) - attributed;
    if (exited > 0) {
      seconds.put("(exited threads)", exited * TICK_SECONDS);
    }
    seconds.values().removeIf(v -> v <= 0);
    return seconds;
  }

  static double processSeconds(Snapshot before, Snapshot after) {
    return (after.processTicks() - before.processTicks()) * TICK_SECONDS;
  }

  /** utime and stime are fields 14 and 15; the name in field 2 may hold spaces, so skip it. */
  private static long ticksOf(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static String group(String threadName) {
    String name = threadName.strip();
    String stripped = name.replaceAll("[-_#\\s.]*\\d+$", "");
    while (!stripped.equals(name)) {
      name = stripped;
      stripped = name.replaceAll("[-_#\\s.]*\\d+$", "");
    }
    return name.isEmpty() ? threadName : name;
  }
}
