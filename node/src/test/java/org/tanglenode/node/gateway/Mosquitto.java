package org.tanglenode.node.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Eclipse Mosquitto broker (Debian package {@code mosquitto}, installed by .ci/run) for a
 * test: loopback only, a free port, anonymous, no persistence, its configuration and log in the
 * test's folder. Queues are unbounded and 1,000 messages may be in flight per client, so that the
 * broker never drops a QoS 1 message it acknowledged to a publisher while the gateway is down
 * (docs/sensors.md says the same for a production broker).
 */
final class Mosquitto implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/mosquitto");

  private final Process process;
  private final int port;
  private final Path log;

  private Mosquitto(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a broker with its files in {@code dir}; returns once it accepts connections. */
  static Mosquitto start(Path dir) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: install the Debian package mosquitto (.ci/run does)");
    }
    // A free port is found by binding port 0; another process might take it before mosquitto
    // does, so a failed start is tried again on another port.
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      try {
        Files.createDirectories(dir);
        Path conf = dir.resolve("mosquitto-" + port + ".conf");
        Path log = dir.resolve("mosquitto-" + port + ".log");
        Files.writeString(
            conf,
            String.join(
                "\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "max_queued_messages 0",
                "max_inflight_messages 1000",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        Process process =
            new ProcessBuilder(List.of(BINARY.toString(), "-c", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Mosquitto broker = new Mosquitto(process, port, log);
        try {
          await()
              .atMost(Duration.ofSeconds(20))
              .pollInterval(Duration.ofMillis(50))
              .until(() -> !process.isAlive() || broker.accepts());
        } catch (RuntimeException e) {
          broker.close();
          throw e;
        }
        if (process.isAlive()) {
          return broker;
        }
        if (attempt == 3) {
          throw new IllegalStateException("mosquitto did not start: " + Files.readString(log));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
