package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptFormatException;
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
      "its Merkle path and the signed milestone, which 'tangle verify' checks offline;",
      "with --compact or --qr, the compact receipt, binary or as a QR code for a label."
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

  @Option(
      names = "--compact",
      description =
          "Write the compact receipt (binary, docs/receipts.md section 8) instead of the receipt"
              + " file; printed in hex without --out.")
  boolean compact;

  @Option(
      names = "--without-milestone",
      description =
          "With --compact or --qr: leave the milestone out and name it by index, for a verifier"
              + " that holds it (about half the size).")
  boolean withoutMilestone;

  @Option(
      names = "--qr",
      paramLabel = "FILE",
      description =
          "Also draw the compact receipt as one QR code (level M): PNG if FILE ends in .png,"
              + " SVG otherwise.")
  Path qr;

  @Option(
      names = "--qr-module-mm",
      defaultValue = "0.5",
      description =
          "Printed width of one QR module in an SVG, in millimetres (default: ${DEFAULT-VALUE}).")
  double moduleMm;

  @Option(
      names = "--qr-pixels",
      defaultValue = "8",
      description = "Pixels a QR module in a PNG, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int pixelsPerModule;

  @Override
  public void run() {
    TransactionId txId = TransactionId.fromHex(id);
    if (withoutMilestone && !compact && qr == null) {
      throw new CommandFailedException("--without-milestone needs --compact or --qr");
    }
    if (!(moduleMm > 0 && moduleMm <= 10)) {
      throw new CommandFailedException("--qr-module-mm: above 0 and at most 10, not " + moduleMm);
    }
    byte[] receipt = api.client().getBytes("/api/v1/transactions/" + txId.toHex() + "/receipt");
    PrintWriter print = spec.commandLine().getOut();
    byte[] compactBytes = compact || qr != null ? compact(receipt) : null;
    if (qr != null) {
      writeQr(compactBytes, print);
    }
    if (compact) {
      if (out == null) {
        print.println(HexFormat.of().formatHex(compactBytes));
      } else {
        write(out, compactBytes);
        print.println(
            "compact receipt of "
                + txId
                + " ("
                + compactBytes.length
                + " bytes) written to "
                + out);
      }
      print.flush();
      return;
    }
    if (out == null) {
      if (qr == null) {
        print.print(new String(receipt, StandardCharsets.UTF_8));
      }
      print.flush();
      return;
    }
    write(out, receipt);
    print.println("receipt of " + txId + " written to " + out);
  }

  private byte[] compact(byte[] receiptFile) {
    try {
      Receipt receipt = ReceiptFile.parse(receiptFile);
      return withoutMilestone
          ? CompactReceipt.encodeWithoutMilestone(receipt)
          : CompactReceipt.encode(receipt);
    } catch (ReceiptFormatException e) {
      throw new CommandFailedException("the node sent no receipt file: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("no compact receipt: " + e.getMessage(), e);
    }
  }

  private void writeQr(byte[] compactBytes, PrintWriter print) {
    ReceiptQrCode code;
    try {
      code = ReceiptQrCode.of(compactBytes);
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException(
          e.getMessage() + (withoutMilestone ? "" : "; try --without-milestone"), e);
    }
    boolean png = qr.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
    write(qr, png ? code.png(pixelsPerModule) : code.svg(moduleMm));
    print.println(
        "QR code of the compact receipt ("
            + compactBytes.length
            + " bytes, version "
            + code.version()
            + ", "
            + code.size()
            + " modules a side with the margin) written to "
            + qr);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new CommandFailedException("cannot write " + file + ": " + e, e);
    }
  }
}
