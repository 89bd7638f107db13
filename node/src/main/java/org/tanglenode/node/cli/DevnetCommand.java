package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.node.LogSetup;
import org.tanglenode.node.NodeStartException;
import org.tanglenode.node.config.LoggingConfig;
import org.tanglenode.node.devnet.ColdChainDemo;
import org.tanglenode.node.devnet.DemoTraffic;
import org.tanglenode.node.devnet.Devnet;
import org.tanglenode.node.devnet.DevnetFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a whole network on this machine: makes a genesis (one committee key, proof-of-work",
      "difficulty 8, a milestone every second, tokens for four demo keys) and node keys, starts a",
      "coordinator and N-1 peers on 127.0.0.1, prints where data, API and dashboard are, and sends",
      "a little demo traffic (document anchors, a shipment trail, small transfers). Ctrl-C stops",
      "all of it."
    })
final class DevnetCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--nodes",
      defaultValue = "3",
      description = "Nodes in all, the coordinator included (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--dir",
      description =
          "Folder for the genesis, keys and node data (default: a new temp folder); a folder"
              + " that holds a devnet is started again.")
  Path dir;

  @Option(names = "--no-traffic", description = "Send no demo traffic.")
  boolean noTraffic;

  @Option(
      names = "--api-port",
      defaultValue = "14265",
      description =
          "API port of node 1 if it is free, else a free one (default: ${DEFAULT-VALUE}).")
  int apiPort;

  @Override
  public Integer call() {
    LogSetup.apply(new LoggingConfig("text", "INFO"));
    PrintWriter out = spec.commandLine().getOut();
    Path folder;
    try {
      folder = dir != null ? dir : Files.createTempDirectory("tangle-devnet-");
    } catch (IOException e) {
      throw new CommandFailedException("cannot create a devnet folder: " + e, e);
    }
    SecureRandom secure = new SecureRandom();
    byte[] tokenBytes = new byte[16];
    secure.nextBytes(tokenBytes);
    String token = HexFormat.of().formatHex(tokenBytes);
    secure.nextBytes(tokenBytes);
    String adminToken = HexFormat.of().formatHex(tokenBytes);
    DevnetFiles files = DevnetFiles.openOrCreate(folder, secure, Clock.systemUTC());
    Devnet devnet =
        new Devnet(
            files,
            new Devnet.Settings(nodes, apiPort, token, adminToken),
            Clock.systemUTC(),
            RandomGenerator.getDefault());
    CountDownLatch stopped = new CountDownLatch(1);
    DemoTraffic[] traffic = new DemoTraffic[1];
    ColdChainDemo[] coldChain = new ColdChainDemo[1];
    Thread hook =
        new Thread(
            () -> {
              if (coldChain[0] != null) {
                coldChain[0].close();
              }
              if (traffic[0] != null) {
                traffic[0].close();
              }
              devnet.close();
              stopped.countDown();
            },
            "tangle-devnet-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      devnet.start();
    } catch (NodeStartException e) {
      Runtime.getRuntime().removeShutdownHook(hook);
      throw new CommandFailedException(e.getMessage(), e);
    }
    List<InetSocketAddress> apis = devnet.apiAddresses();
    List<InetSocketAddress> gossip = devnet.gossipAddresses();
    out.println("devnet running: " + nodes + " nodes on 127.0.0.1");
    out.println("  data:        " + folder.toAbsolutePath());
    out.println("  network id:  " + files.network().id().toHex());
    for (int i = 0; i < apis.size(); i++) {
      String url = url(apis.get(i));
      out.println(
          "  node "
              + (i + 1)
              + (i == 0 ? " (coordinator)" : "")
              + ": api "
              + url
              + "/api/v1/  gossip "
              + gossip.get(i).getHostString()
              + ":"
              + gossip.get(i).getPort());
    }
    out.println("  dashboard:   " + url(apis.get(0)) + "/");
    out.println(
        "  write token: " + token + "  (tangle submit --api " + url(apis.get(0)) + " --token ...)");
    out.println("  admin token: " + adminToken + "  (tangle snapshot export, tangle peers)");
    for (int i = 0; i < files.demoKeys().size(); i++) {
      out.println(
          "  demo-"
              + (i + 1)
              + ".key:  "
              + Address.of(files.demoKeys().get(i).publicKey())
                  .encode(files.network().genesis().addressPrefix()));
    }
    if (!noTraffic) {
      DemoTraffic demo =
          new DemoTraffic(
              files,
              devnet.nodes().get(0),
              apis.stream().map(a -> URI.create(url(a))).toList(),
              token,
              Clock.systemUTC(),
              RandomGenerator.getDefault(),
              700);
      traffic[0] = demo;
      demo.start();
      out.println(
          "demo traffic: document anchors, shipment-4711 events, transfers between demo keys");
      ColdChainDemo sensors =
          new ColdChainDemo(
              files,
              URI.create(url(apis.get(0))),
              token,
              folder.resolve("gateway"),
              Clock.systemUTC(),
              RandomGenerator.getDefault(),
              1_000,
              120,
              Duration.ofSeconds(5));
      coldChain[0] = sensors;
      sensors.start();
      out.println(
          "cold chain:  a sensor gateway on "
              + url(sensors.gatewayAddress())
              + " (POST /readings, GET /readings/ID/receipt) anchors two loggers' readings of"
              + " shipment-4711 every 5 s; they warm past 8 °C for 24 s every 2 minutes, an"
              + " excursion on the trail");
    }
    out.println("stop with Ctrl-C");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return TangleCommand.EXIT_OK;
  }

  private static String url(InetSocketAddress address) {
    return "http://" + address.getHostString() + ":" + address.getPort();
  }
}
