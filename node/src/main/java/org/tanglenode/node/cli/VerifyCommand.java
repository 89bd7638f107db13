package org.tanglenode.node.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.receipt.HeldMilestones;
import org.tanglenode.protocol.receipt.ReceiptVerdict;
import org.tanglenode.protocol.receipt.ReceiptVerifier;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.sensor.CompactReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.trust.TrustRoot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a receipt offline, with no node and no network: the receipt's encoding, the",
      "transaction and its signature, the milestone's committee signatures and threshold, and",
      "the Merkle path between them, and with --file that the file is the document the",
      "record names. A sensor reading receipt (docs/sensors.md) is recognised from the file",
      "and checked down to the reading. Exit code 0 if it holds, 1 with the reason if not."
    })
final class VerifyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RECEIPT",
      description =
          "The receipt file, or a compact receipt (docs/receipts.md section 8), or a reading"
              + " receipt file or compact reading receipt (docs/sensors.md).")
  Path receiptFile;

  @Option(
      names = "--milestone",
      paramLabel = "FILE",
      description =
          "For a compact receipt without its milestone: the milestone you hold (a receipt file, a"
              + " compact receipt with it, or the milestone transaction in hex or raw). It is"
              + " checked like any other.")
  Path milestoneFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  TrustOptions trust;

  @Option(
      names = "--file",
      description =
          "The document the transaction's record names (an anchor's file, a trail event's"
              + " document): its size, SHA-256 and BLAKE2b-256 must match. Read locally only.")
  Path file;

  @Override
  public void run() {
    TrustRoot root = trust.load();
    byte[] bytes = readReceipt(receiptFile);
    if (ReadingReceiptCheck.isReadingReceipt(bytes)) {
      if (file != null) {
        throw new CommandFailedException(
            "--file does not apply to a reading receipt: a batch record names no document");
      }
      ReadingReceiptCheck.run(bytes, root, held(), spec.commandLine().getOut());
      return;
    }
    ReceiptVerifier verifier = new ReceiptVerifier(root);
    ReceiptVerdict verdict;
    if (CompactReceipt.looksCompact(bytes)) {
      HeldMilestones held = held();
      verdict =
          file == null
              ? verifier.verifyCompact(bytes, held)
              : verifier.verifyCompact(bytes, held, hashFile(file));
    } else {
      verdict = file == null ? verifier.verify(bytes) : verifier.verify(bytes, hashFile(file));
    }
    if (verdict instanceof ReceiptVerdict.Refused refused) {
      throw new CommandFailedException(
          "receipt refused: " + refused.reason() + ": " + refused.message());
    }
    print((ReceiptVerdict.Verified) verdict, root);
  }

  /** The milestone given with --milestone, offered for whatever index it carries. */
  private HeldMilestones held() {
    if (milestoneFile == null) {
      return index -> Optional.empty();
    }
    byte[] milestone = VerifyHistoryCommand.readMilestone(milestoneFile);
    // The verifier checks the milestone in full and refuses it if its index is another.
    return index -> Optional.of(milestone);
  }

  private void print(ReceiptVerdict.Verified verified, TrustRoot root) {
    PrintWriter out = spec.commandLine().getOut();
    Transaction tx = verified.transaction();
    int index = verified.commitments().index();
    out.println("receipt verified");
    out.println("transaction:  " + tx.id());
    out.println(
        "issuer:       "
            + tx.issuer().toHex()
            + " ("
            + verified
                .issuerOrganisation()
                // The registry as of the confirming milestone: a key handed on later to another
                // organisation is still named for the one that held it then.
                .map(name -> name + ", holder at milestone " + index)
                .orElse("not named by the trust root")
            + ")");
    out.println("timestamp:    " + Instant.ofEpochMilli(tx.timestampMs()) + " (issuer's clock)");
    tx.tag().map(Tag::toString).ifPresent(tag -> out.println("tag:          " + tag));
    out.println(
        "milestone:    "
            + index
            + " at "
            + Instant.ofEpochMilli(verified.milestone().timestampMs())
            + " ("
            + verified.milestone().id()
            + ")");
    out.println(
        "signed by:    "
            + verified.signers().size()
            + " committee keys, threshold "
            + root.committeeAt(index).threshold()
            + ": "
            + verified.signers().stream()
                .map(Ed25519PublicKey::toHex)
                .collect(Collectors.joining(", ")));
    out.println(
        "history leaf: "
            + verified.receipt().leafIndex()
            + " of "
            + verified.commitments().historySize());
    verified
        .file()
        .ifPresent(
            document -> {
              out.println("file:         " + file + ", " + document.size() + " bytes");
              out.println("  SHA-256:     " + document.sha256Hex());
              out.println("  BLAKE2b-256: " + document.blake2b256Hex());
            });
    out.println(
        "network:      " + root.network().genesis().name() + " (" + root.network().id() + ")");
  }

  private static DocumentHash hashFile(Path file) {
    try {
      return DocumentHash.of(file);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + file + ": " + e, e);
    }
  }

  /** The largest file any receipt form can be: a reading receipt holds a receipt. */
  private static final int MAX_FILE_BYTES =
      Math.max(ReadingReceiptFile.MAX_BYTES, CompactReadingReceipt.MAX_BYTES);

  static byte[] readReceipt(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new CommandFailedException(
            file + " has " + size + " bytes; a receipt has at most " + MAX_FILE_BYTES);
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CommandFailedException("cannot read " + file + ": " + e, e);
    }
  }
}
