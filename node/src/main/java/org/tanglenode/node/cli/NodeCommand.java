package org.tanglenode.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.tanglenode.node.LogSetup;
import org.tanglenode.node.Node;
import org.tanglenode.node.NodeStartException;
import org.tanglenode.node.config.ConfigException;
import org.tanglenode.node.config.ConfigLoader;
import org.tanglenode.node.config.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one node until stopped (SIGTERM or Ctrl-C stops it cleanly).",
      "Every setting has a default, a key in the YAML file and an environment variable;",
      "docs/configuration.md lists them."
    })
final class NodeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      description = "The YAML configuration file (without it: defaults and environment only).")
  Path config;

  @Override
  public Integer call() {
    NodeConfig settings;
    try {
      ConfigLoader loader = new ConfigLoader(System.getenv());
      settings = config == null ? loader.defaults(Path.of("")) : loader.load(config);
    } catch (ConfigException e) {
      throw new CommandFailedException("configuration refused: " + e.getMessage(), e);
    }
    LogSetup.apply(settings.logging());
    Node node = new Node(settings, Clock.systemUTC(), RandomGenerator.getDefault());
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              node.close();
              stopped.countDown();
            },
            "tangle-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      node.start();
    } catch (NodeStartException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw new CommandFailedException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("node running: " + node.nodeKey().toHex());
    out.println("  data:      " + settings.dataPath().toAbsolutePath());
    out.println("  gossip:    " + node.gossipAddress());
    node.apiAddress()
        .ifPresent(
            a -> {
              String url = "http://" + a.getHostString() + ":" + a.getPort();
              out.println("  api:       " + url + "/api/v1/");
              out.println("  dashboard: " + url + "/");
            });
    out.println("stop with Ctrl-C or SIGTERM");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return TangleCommand.EXIT_OK;
  }
}
