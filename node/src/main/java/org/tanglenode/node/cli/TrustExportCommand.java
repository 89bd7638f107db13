package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.tanglenode.crypto.hash.Blake2b256;
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
      "of it here, and prints it or writes it to --out. With --qr, also draws a trust link for the",
      "web verifier: the file's URL and its BLAKE2b-256, which the page checks after fetching."
    })
final class TrustExportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(
      names = {"-o", "--out"},
      description = "Write the trust file here (replacing it) instead of printing it.")
  Path out;

  @Option(
      names = "--qr",
      paramLabel = "FILE",
      description =
          "Also write a QR code (.svg or .png) of the trust link <URL>#blake2b256=<hash of the file>"
              + " (docs/receipts.md section 9).")
  Path qr;

  @Option(
      names = "--qr-url",
      paramLabel = "URL",
      description =
          "The URL the link names (default: --api with /api/v1/trust); phones must reach it.")
  URI qrUrl;

  @Option(
      names = "--qr-pixels",
      paramLabel = "N",
      defaultValue = "8",
      description = "For a .png: pixels a module (default 8).")
  int pixelsPerModule;

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
    if (qr != null) {
      writeQr(bytes);
    }
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
    if (qr != null) {
      print.println("qr:      " + qr + " (" + link(bytes) + ")");
    }
  }

  /** The trust link: the pinned hash rides in the fragment, which a browser does not send. */
  private String link(byte[] bytes) {
    URI url = qrUrl != null ? qrUrl : api.api.resolve("/api/v1/trust");
    return url + "#blake2b256=" + HexFormat.of().formatHex(Blake2b256.digest(bytes));
  }

  private void writeQr(byte[] bytes) {
    ReceiptQrCode code;
    try {
      code = ReceiptQrCode.of(link(bytes).getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("cannot draw the trust link: " + e.getMessage(), e);
    }
    boolean png = qr.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    try {
      Files.write(qr, png ? code.png(pixelsPerModule) : code.svg(0.5));
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + qr + ": " + e, e);
    }
  }
}
