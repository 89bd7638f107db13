package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code promtool check metrics} (Debian package {@code prometheus}) on a node's /metrics text.
 * Like the browser test with Chromium, a missing promtool fails the test: {@code .ci/run} installs
 * it, and a check that quietly does nothing would prove nothing.
 */
public final class Promtool {

  private Promtool() {}

  public static Optional<Path> find() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .filter(p -> !p.isEmpty())
        .map(p -> Path.of(p, "promtool"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  public static void assertAccepts(String metrics, Path workDir) {
    Optional<Path> promtool = find();
    assertThat(promtool)
        .as("promtool not found on the PATH: install the Debian package prometheus (.ci/run does)")
        .isPresent();
    try {
      Path file = Files.createTempFile(workDir, "metrics", ".txt");
      Files.writeString(file, metrics);
      Process process =
          new ProcessBuilder(promtool.get().toString(), "check", "metrics")
              .redirectInput(file.toFile())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("promtool check metrics:\n" + output).isZero();
    } catch (IOException e) {
      throw new AssertionError("cannot run promtool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
