package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a record to a node. With --data or --data-hex the node completes it (tips, its own",
      "signature, proof of work) and needs the write token; with --file it sends a transaction",
      "you built and signed yourself (see: tangle tx --out). Prints the id."
    })
final class SubmitCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(names = "--tag", description = "Tag to index the record under (with --data/--data-hex).")
  String tag;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Content content;

  static final class Content {
    @Option(names = "--data", description = "Data as UTF-8 text.")
    String text;

    @Option(names = "--data-hex", description = "Data as hexadecimal digits.")
    String hex;

    @Option(names = "--file", description = "A finished transaction's encoding (binary file).")
    Path file;
  }

  @Override
  public void run() {
    JsonNode answer;
    if (content.file != null) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(content.file);
      } catch (IOException e) {
        throw new CommandFailedException("cannot read " + content.file + ": " + e, e);
      }
      answer =
          api.client().post("/api/v1/transactions", Map.of("hex", HexFormat.of().formatHex(bytes)));
    } else {
      Map<String, Object> body = new LinkedHashMap<>();
      if (tag != null) {
        body.put("tag", tag);
      }
      if (content.text != null) {
        body.put("data", content.text);
      } else {
        body.put("dataHex", content.hex);
      }
      answer = api.client().post("/api/v1/transactions/data", body);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (api.json) {
      out.println(answer.toPrettyString());
    } else {
      out.println("id:     " + answer.path("id").asText());
      out.println("status: " + answer.path("status").asText());
    }
  }
}
