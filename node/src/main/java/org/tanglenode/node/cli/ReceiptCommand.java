package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanglenode.protocol.TransactionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "receipt",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the receipt of a confirmed transaction from a node: one file with the transaction,",
      "its Merkle path and the signed milestone, which 'tangle verify' checks offline."
    })
final class ReceiptCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "ID", description = "The transaction id (64 hex digits).")
  String id;

  @Option(
      names = {"-o", "--out"},
      description = "Write the receipt to this file (default: print it).")
  Path out;

  @Override
  public void run() {
    TransactionId txId = TransactionId.fromHex(id);
    byte[] receipt = api.client().getBytes("/api/v1/transactions/" + txId.toHex() + "/receipt");
    PrintWriter print = spec.commandLine().getOut();
    if (out == null) {
      print.print(new String(receipt, StandardCharsets.UTF_8));
      print.flush();
      return;
    }
    try {
      Files.write(out, receipt);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + out + ": " + e, e);
    }
    print.println("receipt of " + txId + " written to " + out);
  }
}
