package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Shows a running node's network, sync state, milestones, rates, tips and peers.")
final class InfoCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Override
  public void run() {
    JsonNode info = api.client().get("/api/v1/info");
    PrintWriter out = spec.commandLine().getOut();
    if (api.json) {
      out.println(info.toPrettyString());
      return;
    }
    JsonNode milestones = info.path("milestones");
    JsonNode rates = info.path("rates");
    out.println(
        "network:      "
            + info.path("network").asText()
            + " ("
            + info.path("networkId").asText()
            + ")");
    out.println(
        "version:      "
            + info.path("version").asText()
            + " (commit "
            + info.path("commit").asText("unknown")
            + ")");
    out.println("node key:     " + info.path("nodeKey").asText());
    out.println("synced:       " + info.path("synced").asBoolean());
    out.println(
        "milestones:   latest "
            + milestones.path("latest").asInt()
            + ", solid "
            + milestones.path("solid").asInt()
            + ", confirmed "
            + milestones.path("confirmed").asInt());
    out.println("transactions: " + info.path("transactions").asLong());
    out.println(
        "rates:        "
            + rates.path("receivedPerSecond").asDouble()
            + " received/s, "
            + rates.path("storedPerSecond").asDouble()
            + " stored/s");
    out.println("tips:         " + info.path("tips").asInt());
    out.println("peers:        " + info.path("peers").asInt());
  }
}
