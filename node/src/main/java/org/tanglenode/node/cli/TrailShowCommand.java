package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Prints trail ID in order, with each event's signer and confirmation.",
      "Order: issuer timestamp, then id. Each event with its fields, the names of its private"
          + " fields, its documents, who signed it (the organisation the genesis names, or"
          + " 'unknown signer') and the milestone that confirmed it. Entries under the trail's"
          + " tag that are not its events are shown as such."
    })
final class TrailShowCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "ID", description = "The trail's id.")
  String trail;

  @Option(
      names = "--page-size",
      description = "Entries fetched per request (default: the node's default page size).")
  Integer pageSize;

  @Override
  public void run() {
    ApiClient client = api.client();
    List<JsonNode> entries = new ArrayList<>();
    JsonNode page = null;
    String cursor = null;
    do {
      String path =
          "/api/v1/trails/"
              + URLEncoder.encode(trail, StandardCharsets.UTF_8)
              + (pageSize == null ? "?" : "?limit=" + pageSize + "&")
              + (cursor == null ? "" : "cursor=" + cursor);
      page = client.get(path);
      page.path("entries").forEach(entries::add);
      cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
    } while (cursor != null);
    PrintWriter out = spec.commandLine().getOut();
    if (api.json) {
      ObjectNode all = client.json().createObjectNode();
      all.put("trail", trail);
      all.put("tag", page.path("tag").asText());
      all.set("confirmedMilestone", page.path("confirmedMilestone"));
      ArrayNode list = all.putArray("entries");
      entries.forEach(list::add);
      out.println(all.toPrettyString());
    } else {
      out.println(
          "trail "
              + trail
              + " (tag "
              + page.path("tag").asText()
              + "): "
              + entries.size()
              + " entries");
      int n = 0;
      for (JsonNode entry : entries) {
        printEntry(out, ++n, entry);
      }
    }
    out.flush();
  }

  private static void printEntry(PrintWriter out, int n, JsonNode entry) {
    JsonNode record = entry.path("record");
    String kind = entry.path("kind").asText();
    String what = kind.equals("event") ? record.path("event").asText() : "(" + kind + ")";
    out.println(
        n
            + ". "
            + Instant.ofEpochMilli(entry.path("timestamp").asLong())
            + "  "
            + what
            + "  tx "
            + entry.path("id").asText());
    out.println(
        "   signed by "
            + (entry.path("knownIssuer").asBoolean()
                ? entry.path("organisation").asText()
                : "unknown signer")
            + " (key "
            + entry.path("issuer").asText()
            + ")");
    out.println("   " + confirmation(entry));
    if (!record.isMissingNode()) {
      if (!kind.equals("event")) {
        out.println("   record: " + record);
      }
      if (record.has("fields")) {
        out.println("   fields: " + pairs(record.path("fields")));
      }
      if (record.has("private")) {
        List<String> names = new ArrayList<>();
        record.path("private").fieldNames().forEachRemaining(names::add);
        out.println("   private fields: " + String.join(", ", names));
      }
      for (JsonNode doc : record.path("docs")) {
        out.println(
            "   document: sha256 "
                + doc.path("sha256").asText()
                + ", "
                + doc.path("size").asLong()
                + " bytes");
      }
    }
    if (entry.has("recordError")) {
      out.println("   not a valid record: " + entry.path("recordError").asText());
    }
    if (entry.has("dataHex")) {
      out.println("   data: " + data(entry.path("dataHex").asText()));
    }
  }

  /** Data as quoted text when it is printable UTF-8, else as hex. */
  private static String data(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.chars().noneMatch(Character::isISOControl)) {
        return "\"" + text + "\" (hex " + hex + ")";
      }
    } catch (CharacterCodingException e) {
      // not text: hex below
    }
    return hex;
  }

  private static String confirmation(JsonNode entry) {
    if (entry.path("confirmed").asBoolean()) {
      return "confirmed by milestone " + entry.path("milestone").asInt();
    }
    if (entry.path("milestone").isInt()) {
      return "referenced by milestone "
          + entry.path("milestone").asInt()
          + " but conflicting: "
          + entry.path("conflict").asText();
    }
    return "not confirmed yet";
  }

  private static String pairs(JsonNode object) {
    List<String> pairs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      pairs.add(field.getKey() + "=" + field.getValue().asText());
    }
    return String.join(", ", pairs);
  }
}
