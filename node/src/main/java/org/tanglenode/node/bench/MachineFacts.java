package org.tanglenode.node.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The facts a result is recorded with: CPU, cores, OS, JVM, load average and git commit. */
final class MachineFacts {

  private MachineFacts() {}

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String os() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
  }

  /** {@code git rev-parse --short HEAD} in the working folder, with -dirty for local changes. */
  static String gitCommit() {
    String commit = git(List.of("git", "rev-parse", "--short", "HEAD"));
    if (commit.isEmpty()) {
      return "unknown";
    }
    String status = git(List.of("git", "status", "--porcelain", "--untracked-files=no"));
    return status.isEmpty() ? commit : commit + "-dirty";
  }

  private static String git(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return "";
      }
      return out.strip();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
