package org.tanglenode.node.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanglenode.node.cli.TangleCommand;

/**
 * A node in its own JVM: {@code java FLAGS -cp CLASSPATH org.tanglenode.node.cli.TangleCommand node
 * --config FILE}, with this program's own Java and class path (the built jar when run as {@code
 * tangle bench}, the test class path in tests). It is ready when it prints the addresses {@code
 * tangle node} prints on start; its log goes to {@code node.log} beside the configuration. Closing
 * sends SIGTERM (the node's clean shutdown) and kills it after a grace period.
 */
final class NodeProcess implements AutoCloseable {

  private static final Pattern GOSSIP = Pattern.compile("^\\s*gossip:\\s+\\S*?/?([\\d.]+):(\\d+)");
  private static final Pattern API = Pattern.compile("^\\s*api:\\s+(http://\\S+?)/api/v1/");

  private final String name;
  private final Process process;
  private final String gossipAddress;
  private final URI api;
  private final List<String> jvmFlags;
  private final Thread stopOnExit;

  private NodeProcess(
      String name,
      Process process,
      String gossipAddress,
      URI api,
      List<String> jvmFlags,
      Thread stopOnExit) {
    this.name = name;
    this.process = process;
    this.gossipAddress = gossipAddress;
    this.api = api;
    this.jvmFlags = jvmFlags;
    this.stopOnExit = stopOnExit;
  }

  /** Starts the node and waits until it prints its addresses, or fails with its log's tail. */
  static NodeProcess start(String name, Path config, List<String> jvmFlags, Duration timeout) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(TangleCommand.class.getName());
    command.add("node");
    command.add("--config");
    command.add(config.toAbsolutePath().toString());
    Path log = config.resolveSibling("node.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(config.getParent().toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
    CompletableFuture<String[]> addresses =
        CompletableFuture.supplyAsync(() -> readAddresses(process));
    try {
      String[] found = addresses.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      // A harness stopped with Ctrl-C runs no finally blocks; this stops its nodes too.
      Thread stopOnExit = new Thread(process::destroy, "bench-stop-" + name);
      Runtime.getRuntime().addShutdownHook(stopOnExit);
      return new NodeProcess(
          name, process, found[0], URI.create(found[1]), List.copyOf(jvmFlags), stopOnExit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new BenchFailedException("interrupted while starting node " + name);
    } catch (ExecutionException e) {
      process.destroyForcibly();
      throw new BenchFailedException("node " + name + " exited on start; its log is " + log);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new BenchFailedException(
          "node " + name + " did not start within " + timeout + "; its log is " + log);
    }
  }

  /** The node runs in its own folder, so relative class path entries are made absolute. */
  private static String absoluteClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  private static String[] readAddresses(Process process) {
    String gossip = null;
    String api = null;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line;
      while ((gossip == null || api == null) && (line = out.readLine()) != null) {
        Matcher g = GOSSIP.matcher(line);
        if (g.find()) {
          gossip = g.group(1) + ":" + g.group(2);
        }
        Matcher a = API.matcher(line);
        if (a.find()) {
          api = a.group(1);
        }
      }
      if (gossip == null || api == null) {
        throw new BenchFailedException("the node exited before printing its addresses");
      }
      // Keep draining stdout so the node never blocks on a full pipe.
      Thread drain =
          new Thread(
              () -> {
                try {
                  while (out.readLine() != null) {
                    // discarded: the node logs to stderr, which goes to node.log
                  }
                } catch (IOException ignored) {
                  // the node has gone
                }
              },
              "bench-node-stdout");
      drain.setDaemon(true);
      drain.start();
      return new String[] {gossip, api};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  /** host:port of its gossip listener. */
  String gossipAddress() {
    return gossipAddress;
  }

  /** http://host:port of its API. */
  URI api() {
    return api;
  }

  List<String> jvmFlags() {
    return jvmFlags;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * SIGKILL ({@link Process#destroyForcibly()} on Linux), as a power cut or the OOM killer would
   * end it: no shutdown hook of the node runs. Returns once the process has gone.
   */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new BenchFailedException("node " + name + " still runs 30 s after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailedException("interrupted while killing node " + name);
    }
    close();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
