package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;
import org.tanglenode.protocol.trust.TrustFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches the node's trust file (genesis plus confirmed trust updates), verifies every link",
      "of it here, and prints it or writes it to --out."
    })
final class TrustExportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(
      names = {"-o", "--out"},
      description = "Write the trust file here (replacing it) instead of printing it.")
  Path out;

  @Override
  public void run() {
    byte[] bytes = api.client().getBytes("/api/v1/trust");
    TrustChain chain;
    try {
      chain = TrustFile.parse(bytes);
    } catch (TrustFileException e) {
      throw new CommandFailedException(
          "the node's trust file does not verify: " + e.getMessage(), e);
    }
    PrintWriter print = spec.commandLine().getOut();
    if (out == null) {
      print.print(new String(bytes, StandardCharsets.US_ASCII));
      print.flush();
      return;
    }
    try {
      Files.write(out, bytes);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + out + ": " + e, e);
    }
    print.println("wrote:   " + out);
    print.println(
        "network: " + chain.network().genesis().name() + " " + chain.network().id().toHex());
    print.println("updates: " + chain.lastSequence());
  }
}
