package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description = "Lists a node's peers, or adds or removes one (needs the admin token).",
    subcommands = {PeersCommand.Add.class, PeersCommand.Remove.class})
final class PeersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Override
  public void run() {
    JsonNode peers = api.client().get("/api/v1/peers");
    PrintWriter out = spec.commandLine().getOut();
    if (api.json) {
      out.println(peers.toPrettyString());
      return;
    }
    out.println("connected: " + peers.path("connected").size());
    for (JsonNode peer : peers.path("connected")) {
      out.println(
          "  "
              + peer.path("key").asText().substring(0, 16)
              + "  "
              + peer.path("address").asText()
              + "  "
              + peer.path("direction").asText().toLowerCase(java.util.Locale.ROOT)
              + "  milestone "
              + peer.path("latestMilestone").asInt()
              + "  score "
              + peer.path("score").asInt());
    }
    out.println("configured: " + peers.path("configured").size());
    for (JsonNode address : peers.path("configured")) {
      out.println("  " + address.asText());
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Dials a peer and keeps it.")
  static final class Add implements Runnable {
    @Spec CommandSpec spec;

    @Mixin ApiOptions api;

    @Parameters(paramLabel = "HOST:PORT", description = "The peer's gossip address.")
    String address;

    @Override
    public void run() {
      JsonNode answer = api.client().post("/api/v1/peers", Map.of("address", address));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          api.json
              ? answer.toPrettyString()
              : answer.path("address").asText() + ": " + answer.path("status").asText());
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Drops a peer.")
  static final class Remove implements Runnable {
    @Spec CommandSpec spec;

    @Mixin ApiOptions api;

    @Parameters(paramLabel = "HOST:PORT", description = "The peer's gossip address.")
    String address;

    @Override
    public void run() {
      JsonNode answer =
          api.client()
              .delete("/api/v1/peers/" + URLEncoder.encode(address, StandardCharsets.UTF_8));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          api.json
              ? answer.toPrettyString()
              : answer.path("address").asText() + ": " + answer.path("status").asText());
    }
  }
}
