package org.tanglenode.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanglenode.node.Http;

/**
 * A {@code tangle devnet} running as a process of its own, for tests: it waits for the printed API
 * addresses, waits until the demo trail is confirmed, stops it with SIGTERM and always kills it on
 * {@link #close()}.
 */
final class DevnetProcess implements AutoCloseable {

  private static final Pattern API = Pattern.compile("api http://127\\.0\\.0\\.1:(\\d+)/api/v1/");

  private final Process process;
  private final Path stderr;
  private final List<Integer> apiPorts;

  private DevnetProcess(Process process, Path stderr, List<Integer> apiPorts) {
    this.process = process;
    this.stderr = stderr;
    this.apiPorts = apiPorts;
  }

  /** {@code tangle devnet} from the test class path, in a JVM of its own. */
  static DevnetProcess fromClassPath(Path dir, int nodes) {
    return start(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.tanglenode.node.cli.TangleCommand"),
        dir,
        nodes,
        null);
  }

  /** The repository's {@code ./tangle} script, run from {@code repoDir} as the README says. */
  static DevnetProcess fromScript(Path repoDir, Path dir, int nodes) {
    return start(List.of("./tangle"), dir, nodes, repoDir);
  }

  private static DevnetProcess start(List<String> command, Path dir, int nodes, Path workDir) {
    List<String> args = new ArrayList<>(command);
    args.addAll(
        List.of(
            "devnet",
            "--nodes",
            String.valueOf(nodes),
            "--api-port",
            "0",
            "--dir",
            dir.resolve("devnet").toString()));
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(args).redirectError(stderr.toFile());
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> ports = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = API.matcher(line);
        if (m.find()) {
          ports.add(Integer.parseInt(m.group(1)));
        }
        if (line.startsWith("stop with")) {
          break;
        }
      }
      drain(out);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new AssertionError("devnet did not start; stderr:\n" + read(stderr), e);
    }
    DevnetProcess devnet = new DevnetProcess(process, stderr, List.copyOf(ports));
    if (ports.size() != nodes) {
      devnet.close();
      throw new AssertionError(
          "expected " + nodes + " API addresses, got " + ports + "; stderr:\n" + read(stderr));
    }
    return devnet;
  }

  List<Integer> apiPorts() {
    return apiPorts;
  }

  Http api(int node) {
    return new Http(new InetSocketAddress("127.0.0.1", apiPorts.get(node)));
  }

  String stderr() {
    return read(stderr);
  }

  /**
   * Waits until {@code node} reports a confirmed milestone and the first transaction of the demo
   * shipment trail is confirmed.
   */
  void awaitConfirmedTraffic(int node, Duration atMost) {
    Http api = api(node);
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode info = api.get("/api/v1/info").json();
              assertThat(info.path("milestones").path("confirmed").asLong())
                  .as(info.toString())
                  .isPositive();
              JsonNode trail = api.get("/api/v1/tags/trail:shipment-4711/transactions").json();
              assertThat(trail.path("transactions").size()).isPositive();
              String id = trail.path("transactions").get(0).path("id").asText();
              JsonNode meta = api.get("/api/v1/transactions/" + id + "/metadata").json();
              assertThat(meta.path("confirmed").asBoolean()).as(meta.toString()).isTrue();
            });
  }

  /** Sends SIGTERM (as Ctrl-C's SIGINT runs the same shutdown hook) and waits for the exit. */
  boolean stop(Duration atMost) throws InterruptedException {
    process.destroy();
    return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
  }

  /** Keeps reading what the devnet prints later, so a full pipe never blocks it. */
  private static void drain(BufferedReader out) {
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // The devnet went away; nothing left to drain.
              }
            },
            "devnet-stdout");
    drain.setDaemon(true);
    drain.start();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
