package org.tanglenode.node.gateway;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tanglenode.node.cli.TangleCommand;

/**
 * {@code tangle gateway --config FILE} in a JVM of its own (as node/bench NodeProcess starts a
 * node): this JVM's java and class path; ready when it prints its HTTP address; its log appends to
 * {@code gateway.log} beside the configuration. {@link #kill} is SIGKILL.
 */
final class GatewayProcess implements AutoCloseable {

  private static final Pattern HTTP = Pattern.compile("^\\s*http:\\s+http://([\\d.]+):(\\d+)/");

  private final Process process;
  private final InetSocketAddress http;

  private GatewayProcess(Process process, InetSocketAddress http) {
    this.process = process;
    this.http = http;
  }

  static GatewayProcess start(Path config) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(TangleCommand.class.getName());
    command.add("gateway");
    command.add("--config");
    command.add(config.toAbsolutePath().toString());
    Path log = config.resolveSibling("gateway.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(config.getParent().toFile())
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<InetSocketAddress> address =
        CompletableFuture.supplyAsync(() -> readAddress(process));
    try {
      return new GatewayProcess(process, address.get(60, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("the gateway did not start; its log is " + log, e);
    }
  }

  private static InetSocketAddress readAddress(Process process) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = HTTP.matcher(line);
        if (m.find()) {
          Thread drain =
              new Thread(
                  () -> {
                    try {
                      while (out.readLine() != null) {
                        // the gateway logs to stderr
                      }
                    } catch (IOException ignored) {
                      // gone
                    }
                  },
                  "gateway-stdout");
          drain.setDaemon(true);
          drain.start();
          return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
        }
      }
      throw new IllegalStateException("the gateway exited before printing its address");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress http() {
    return http;
  }

  /** SIGKILL: no shutdown hook runs. Returns once the process has gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gateway still runs 30 s after SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
