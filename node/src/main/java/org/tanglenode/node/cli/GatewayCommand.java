package org.tanglenode.node.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tanglenode.crypto.keyfile.KeyFileException;
import org.tanglenode.node.config.ConfigException;
import org.tanglenode.node.gateway.Gateway;
import org.tanglenode.node.gateway.GatewayConfig;
import org.tanglenode.node.gateway.GatewayConfigLoader;
import org.tanglenode.node.gateway.GatewayStartException;
import org.tanglenode.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    subcommands = {GatewayReceiptCommand.class, GatewaySimulateCommand.class},
    description = {
      "Runs a sensor gateway until stopped (SIGTERM or Ctrl-C stops it cleanly).",
      "Readings arrive over MQTT (QoS 1) and HTTP (POST /readings), are stored durably before"
          + " they are acknowledged, and are anchored in batches: one signed transaction per"
          + " batch holding its Merkle root. GET /readings/ID/receipt gives a reading's receipt."
          + " docs/sensors.md describes it, docs/configuration.md its settings."
    })
final class GatewayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  // Not required by picocli: it would then be asked of the subcommands too.
  @Option(names = "--config", description = "The gateway's YAML file (required to run one).")
  Path config;

  @Override
  public Integer call() {
    if (config == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--config=<config>'");
    }
    GatewayConfig settings;
    try {
      settings = new GatewayConfigLoader(System.getenv()).load(config);
    } catch (ConfigException e) {
      throw new CommandFailedException("configuration refused: " + e.getMessage(), e);
    }
    Gateway gateway;
    try {
      gateway =
          new Gateway(
              settings,
              org.tanglenode.crypto.keyfile.KeyFile.read(settings.keyFile()),
              Clock.systemUTC(),
              new SimpleMeterRegistry());
    } catch (KeyFileException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              gateway.close();
              stopped.countDown();
            },
            "tangle-gateway-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      gateway.start();
    } catch (GatewayStartException | StorageException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw new CommandFailedException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    String http =
        "http://" + gateway.httpAddress().getHostString() + ":" + gateway.httpAddress().getPort();
    out.println("gateway running: " + settings.id());
    out.println("  data:      " + settings.dataDir().toAbsolutePath());
    out.println("  http:      " + http + "/readings");
    out.println(
        "  mqtt:      " + settings.mqtt().map(m -> m.broker() + " " + m.topic()).orElse("off"));
    out.println("  node:      " + settings.node().url());
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
