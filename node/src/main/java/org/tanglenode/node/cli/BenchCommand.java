package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tanglenode.node.LogSetup;
import org.tanglenode.node.bench.BenchFailedException;
import org.tanglenode.node.bench.BenchSettings;
import org.tanglenode.node.bench.ParentsPattern;
import org.tanglenode.node.bench.Workloads;
import org.tanglenode.node.config.LoggingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end benchmarks: nodes in their own JVMs on 127.0.0.1, driven only through their",
      "REST API and gossip. Writes NAME.json and a self-contained NAME.html (docs/benchmarks.md)."
    },
    subcommands = {BenchCommand.Ingest.class, BenchCommand.Network.class, BenchCommand.Sync.class})
final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The options every workload takes. */
  static final class Common {
    @Option(
        names = "--count",
        defaultValue = "20000",
        description = "Transactions sent (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
        names = "--warmup",
        defaultValue = "3000",
        description =
            "Transactions sent the same way first, and confirmed, before the measured window"
                + " (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
        names = "--size",
        defaultValue = "300",
        description = "Encoded bytes per transaction (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
        names = "--parents",
        defaultValue = "random",
        description = "chained, random or out-of-order (default: ${DEFAULT-VALUE}).")
    String parents;

    @Option(
        names = "--connections",
        defaultValue = "16",
        description = "Concurrent REST senders, closed loop (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(
        names = "--rate",
        defaultValue = "0",
        description =
            "Offered tx/s, open loop; 0: closed loop, as fast as the node takes them (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
        names = "--pow",
        defaultValue = "0",
        description = "Proof-of-work difficulty of the network (default: ${DEFAULT-VALUE}).")
    int pow;

    @Option(
        names = "--milestone-ms",
        defaultValue = "1000",
        description = "Milestone interval (default: ${DEFAULT-VALUE}).")
    long milestoneMs;

    @Option(
        names = "--durability",
        defaultValue = "every-group",
        description = "storage.durability of the nodes (default: ${DEFAULT-VALUE}).")
    String durability;

    @Option(
        names = "--node-jvm",
        defaultValue = "-Xms512m -Xmx512m -XX:+UseG1GC",
        description = "Flags of each node JVM, space-separated (default: ${DEFAULT-VALUE}).")
    String nodeJvm;

    @Option(
        names = "--timeout",
        defaultValue = "300",
        description =
            "Seconds to wait for everything sent to be confirmed (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(
        names = "--out",
        defaultValue = "bench-results",
        description = "Folder for the result files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
        names = "--name",
        description = "Base name of the result files (default: DATE-WORKLOAD-VIA-PARENTS).")
    String name;

    @Option(
        names = "--jfr",
        description =
            "ingest: record node-1 with JFR (settings=profile, started with jcmd) over the measured"
                + " window into this file.")
    Path jfr;

    @Option(
        names = "--work-dir",
        description =
            "Folder for the network's files and node data (default: a new temp folder, deleted after a run that passed).")
    Path workDir;

    BenchSettings settings(String via, int window, Path work) {
      ParentsPattern pattern;
      try {
        pattern =
            ParentsPattern.valueOf(parents.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--parents must be chained, random or out-of-order, was " + parents);
      }
      List<String> flags =
          Arrays.stream(nodeJvm.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
      return new BenchSettings(
          count,
          warmup,
          size,
          pattern,
          via,
          connections,
          rate,
          window,
          pow,
          milestoneMs,
          durability,
          flags,
          Duration.ofSeconds(timeoutSeconds),
          work,
          Optional.ofNullable(jfr).map(Path::toAbsolutePath));
    }
  }

  static int execute(CommandSpec spec, String workload, Common common, String via, int window) {
    // The harness's own gossip load peer would log every connection at INFO.
    LogSetup.apply(new LoggingConfig("text", "WARN"));
    PrintWriter out = spec.commandLine().getOut();
    // Refuse bad options before anything is created on disk.
    common.settings(via, window, Path.of("."));
    Path work;
    boolean temporary = common.workDir == null;
    try {
      work = temporary ? Files.createTempDirectory("tangle-bench-") : common.workDir;
    } catch (IOException e) {
      throw new CommandFailedException("cannot create a work folder: " + e, e);
    }
    BenchSettings settings = common.settings(via, window, work);
    String name =
        common.name != null
            ? common.name
            : LocalDate.now() + "-" + workload + "-" + via + "-" + common.parents;
    out.println("tangle bench " + workload + ": nodes and data in " + work);
    out.flush();
    Path result;
    try {
      result = Workloads.run(workload, settings, common.out, name);
    } catch (BenchFailedException e) {
      throw new CommandFailedException(
          "bench failed: " + e.getMessage() + " (files kept in " + work + ")", e);
    }
    if (temporary) {
      deleteTree(work);
    }
    out.println("result: " + result.toAbsolutePath());
    out.println("report: " + result.resolveSibling(name + ".html").toAbsolutePath());
    try {
      out.println(Files.readString(result));
    } catch (IOException e) {
      throw new CommandFailedException("cannot read back " + result + ": " + e, e);
    }
    out.flush();
    return TangleCommand.EXIT_OK;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp folder is harmless
    }
  }

  @Command(
      name = "ingest",
      mixinStandardHelpOptions = true,
      description = {
        "One node (coordinator) in its own JVM takes pre-generated signed data transactions over",
        "REST (--via rest) or from a gossip load peer (--via gossip): stored/s, confirmed/s,",
        "submit-to-confirmed latency and the node's CPU per transaction by thread group."
      })
  static final class Ingest implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Common common;

    @Option(
        names = "--via",
        defaultValue = "rest",
        description =
            "rest (JSON, base64 bodies), rest-binary (application/octet-stream bodies) or gossip"
                + " (default: ${DEFAULT-VALUE}).")
    String via;

    @Option(
        names = "--window",
        defaultValue = "2000",
        description =
            "Gossip: transactions sent ahead of what the node stored (default: ${DEFAULT-VALUE}).")
    int window;

    @Override
    public Integer call() {
      return execute(spec, "ingest", common, via, window);
    }
  }

  @Command(
      name = "network",
      mixinStandardHelpOptions = true,
      description = {
        "Three nodes in their own JVMs on loopback (node-1 the coordinator), an open-loop",
        "generator at --rate sending over REST to each node in turn: confirmed/s on every node,",
        "confirmation and propagation latency."
      })
  static final class Network implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Common common;

    @Override
    public Integer call() {
      if (common.rate <= 0) {
        throw new IllegalArgumentException("network needs an offered --rate above 0");
      }
      return execute(spec, "network", common, "rest", 1);
    }
  }

  @Command(
      name = "sync",
      mixinStandardHelpOptions = true,
      description = {
        "node-1 (coordinator) takes --count transactions over REST and confirms them; then a",
        "fresh node-2 peered with it is timed until it holds all of them and node-1's confirmed",
        "milestone. --warmup and --rate are not used."
      })
  static final class Sync implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Common common;

    @Override
    public Integer call() {
      return execute(spec, "sync", common, "rest", 1);
    }
  }
}
