package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.receipt.HistoryVerdict;
import org.tanglenode.protocol.receipt.HistoryVerifier;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptFormatException;
import org.tanglenode.protocol.trust.TrustRoot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify-history",
    mixinStandardHelpOptions = true,
    description = {
      "Fetches two milestones and the consistency proof between their history roots from a",
      "node and checks them against the genesis: nothing confirmed up to the first milestone",
      "was removed or rewritten by the second. With --kept, the first milestone must match the",
      "one you kept (a milestone file or any receipt). Exit code 0 if it holds, 1 if not."
    })
final class VerifyHistoryCommand implements Runnable {

  private static final HexFormat HEX = HexFormat.of();

  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Option(names = "--from", required = true, description = "The earlier milestone index.")
  int from;

  @Option(names = "--to", required = true, description = "The later milestone index.")
  int to;

  @ArgGroup(exclusive = true, multiplicity = "1")
  TrustOptions trust;

  @Option(
      names = "--kept",
      description =
          "A milestone you kept earlier: a receipt file, or the milestone transaction in hex"
              + " (as --save writes it) or as raw bytes.")
  Path kept;

  @Option(
      names = "--save",
      description = "After a successful check, write the later milestone here (hex) to keep it.")
  Path save;

  @Override
  public void run() {
    TrustRoot root = trust.load();
    Optional<byte[]> mine = kept == null ? Optional.empty() : Optional.of(readMilestone(kept));
    JsonNode answer = api.client().get("/api/v1/history/consistency?from=" + from + "&to=" + to);
    byte[] fromBytes = hex(answer.path("from").path("transaction"), "from.transaction");
    byte[] toBytes = hex(answer.path("to").path("transaction"), "to.transaction");
    List<byte[]> proof = new ArrayList<>();
    for (JsonNode hash : answer.path("proof")) {
      proof.add(hex(hash, "proof"));
    }
    HistoryVerdict verdict = new HistoryVerifier(root).verify(mine, fromBytes, toBytes, proof);
    if (verdict instanceof HistoryVerdict.Refused refused) {
      throw new CommandFailedException(
          "history refused: " + refused.reason() + ": " + refused.message());
    }
    HistoryVerdict.Consistent consistent = (HistoryVerdict.Consistent) verdict;
    if (consistent.from().index() != from || consistent.to().index() != to) {
      throw new CommandFailedException(
          "the node answered milestones "
              + consistent.from().index()
              + " and "
              + consistent.to().index()
              + ", not "
              + from
              + " and "
              + to);
    }
    if (save != null) {
      try {
        Files.writeString(save, HEX.formatHex(toBytes) + "\n");
      } catch (IOException e) {
        throw new CommandFailedException("cannot write " + save + ": " + e, e);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("history consistent");
    out.println("from:   " + describe(consistent.from(), consistent.fromTimestampMs()));
    out.println("to:     " + describe(consistent.to(), consistent.toTimestampMs()));
    out.println("proof:  " + proof.size() + " hashes");
    if (kept != null) {
      out.println("kept:   " + kept + " matches milestone " + from);
    }
    if (save != null) {
      out.println("saved:  milestone " + to + " to " + save);
    }
  }

  private static String describe(Payload.Milestone milestone, long timestampMs) {
    return "milestone "
        + milestone.index()
        + " at "
        + Instant.ofEpochMilli(timestampMs)
        + ", "
        + milestone.historySize()
        + " confirmed, root "
        + HEX.formatHex(milestone.historyRoot());
  }

  /**
   * A kept milestone: the milestone of a receipt file or of a compact receipt that carries one, or
   * its transaction bytes in hex or raw.
   */
  static byte[] readMilestone(Path file) {
    byte[] bytes = VerifyCommand.readReceipt(file);
    if (CompactReceipt.looksCompact(bytes)) {
      try {
        CompactReceipt.Decoded compact = CompactReceipt.decode(bytes);
        if (compact.kind() != CompactReceipt.Kind.WITH_MILESTONE) {
          throw new CommandFailedException(
              file + " is a compact receipt without its milestone: it holds no milestone");
        }
        return compact.receipt().milestone();
      } catch (ReceiptFormatException e) {
        throw new CommandFailedException(file + " is not a compact receipt: " + e.getMessage(), e);
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      try {
        return ReceiptFile.parse(bytes).milestone();
      } catch (ReceiptFormatException e) {
        throw new CommandFailedException(file + " is not a receipt: " + e.getMessage(), e);
      }
    }
    try {
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      return bytes;
    }
  }

  private static byte[] hex(JsonNode node, String what) {
    try {
      return HEX.parseHex(node.asText(""));
    } catch (IllegalArgumentException e) {
      throw new CommandFailedException("the node's answer has no valid hex in " + what, e);
    }
  }
}
