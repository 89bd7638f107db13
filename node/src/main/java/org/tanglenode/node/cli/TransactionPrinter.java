package org.tanglenode.node.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HexFormat;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;

/** Prints a transaction for people: its id, fields, and the encoding in hex. */
final class TransactionPrinter {

  private final PrintWriter out;

  TransactionPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(Transaction tx) {
    HexFormat hex = HexFormat.of();
    out.println("id:             " + tx.id().toHex());
    out.println("size:           " + tx.size() + " bytes");
    out.println("issuer:         " + tx.issuer().toHex());
    out.println(
        "timestamp:      "
            + tx.timestampMs()
            + " ("
            + Instant.ofEpochMilli(tx.timestampMs())
            + ")");
    out.println(
        "parents:        "
            + String.join(
                "\n                ", tx.parents().stream().map(TransactionId::toHex).toList()));
    out.println("payload:        " + tx.payload().kind());
    out.println("tag:            " + tx.tag().map(Tag::toString).orElse("(none)"));
    if (tx.payload() instanceof Payload.Data data) {
      out.println("data:           " + hex.formatHex(data.data()));
    }
    out.println("essence digest: " + hex.formatHex(tx.essenceDigest()));
    out.println("nonce:          " + Long.toUnsignedString(tx.nonce()));
    out.println("signature:      " + tx.signature().toHex());
    out.println("encoding:       " + hex.formatHex(tx.bytes()));
    out.flush();
  }
}
