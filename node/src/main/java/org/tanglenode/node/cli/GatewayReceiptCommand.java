package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches a reading's receipt from a gateway: the reading, its path to its batch's root and"
          + " the receipt of the transaction that anchored the batch. Verify it offline with"
          + " tangle verify FILE --genesis genesis.json."
    })
final class GatewayReceiptCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "The reading's id: its leaf hash (64 hex digits), as POST /readings answers.")
  String id;

  @Option(
      names = "--gateway",
      defaultValue = "http://127.0.0.1:8090",
      description = "The gateway's HTTP address (default: ${DEFAULT-VALUE}).")
  URI gateway;

  @Option(
      names = {"-o", "--out"},
      description = "Write the receipt to this file (default: print it).")
  Path out;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "Ask again for up to SECONDS while the batch is not closed or not confirmed (default:"
              + " ${DEFAULT-VALUE}: ask once).")
  int waitSeconds;

  @Override
  public void run() {
    if (!id.matches("[0-9a-fA-F]{64}")) {
      throw new CommandFailedException("ID: a reading id is 64 hex digits");
    }
    ApiClient client = new ApiClient(gateway, null);
    String path = "/readings/" + id.toLowerCase(java.util.Locale.ROOT) + "/receipt";
    long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, waitSeconds)).toNanos();
    byte[] receipt;
    while (true) {
      try {
        receipt = client.getBytes(path);
        break;
      } catch (CommandFailedException e) {
        boolean pending =
            e.getMessage().startsWith("NOT_BATCHED") || e.getMessage().startsWith("NOT_CONFIRMED");
        if (!pending || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommandFailedException("interrupted", e);
      }
    }
    PrintWriter print = spec.commandLine().getOut();
    if (out == null) {
      print.println(new String(receipt, StandardCharsets.UTF_8));
    } else {
      try {
        Files.write(out, receipt);
      } catch (IOException e) {
        throw new CommandFailedException("cannot write " + out + ": " + e.getMessage(), e);
      }
      print.println(
          "reading receipt of "
              + HexFormat.of().formatHex(HexFormat.of().parseHex(id))
              + " written to "
              + out);
    }
    print.flush();
  }
}
