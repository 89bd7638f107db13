package org.tanglenode.node.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.receipt.HeldMilestones;
import org.tanglenode.protocol.sensor.CompactReadingReceipt;
import org.tanglenode.protocol.sensor.ReadingReceiptFile;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict;
import org.tanglenode.protocol.sensor.ReadingReceiptVerifier;
import org.tanglenode.protocol.sensor.SensorReading;
import org.tanglenode.protocol.trust.TrustRoot;

/**
 * The reading receipt half of {@code tangle verify} (docs/sensors.md): verifies a reading receipt
 * file or compact reading receipt and prints what it proves, or fails with the reason.
 */
final class ReadingReceiptCheck {

  private ReadingReceiptCheck() {}

  /** Whether {@code bytes} are a reading receipt (file or compact) rather than a receipt. */
  static boolean isReadingReceipt(byte[] bytes) {
    return ReadingReceiptFile.looksLikeReadingReceipt(bytes)
        || CompactReadingReceipt.looksCompact(bytes);
  }

  /**
   * Verifies and prints.
   *
   * @throws CommandFailedException with {@code reading receipt refused: REASON: detail}
   */
  static void run(byte[] bytes, TrustRoot root, HeldMilestones held, PrintWriter out) {
    ReadingReceiptVerifier verifier = new ReadingReceiptVerifier(root);
    ReadingReceiptVerdict verdict =
        CompactReadingReceipt.looksCompact(bytes)
            ? verifier.verifyCompact(bytes, held)
            : verifier.verify(bytes);
    if (verdict instanceof ReadingReceiptVerdict.Refused refused) {
      throw new CommandFailedException(
          "reading receipt refused: " + refused.reason() + ": " + refused.message());
    }
    print((ReadingReceiptVerdict.Verified) verdict, root, out);
  }

  private static void print(ReadingReceiptVerdict.Verified v, TrustRoot root, PrintWriter out) {
    SensorReading reading = v.reading();
    int index = v.milestoneIndex();
    out.println("reading receipt verified");
    out.println(
        "reading:      "
            + reading.value()
            + " "
            + reading.unit()
            + " from device "
            + reading.deviceId()
            + " at "
            + Instant.ofEpochMilli(reading.timeMs())
            + " (device's clock)");
    out.println("reading id:   " + HexFormat.of().formatHex(reading.leafHash()));
    out.println(
        "device:       "
            + switch (v.device().status()) {
              case UNSIGNED -> "unsigned (only the gateway vouches for the reading)";
              case UNKNOWN_DEVICE ->
                  "unknown device: signed by key "
                      + v.device().key().orElseThrow().toHex()
                      + ", not named by the trust root";
              case REGISTERED ->
                  v.device().organisation().orElseThrow()
                      + ", holder at milestone "
                      + index
                      + " (key "
                      + v.device().key().orElseThrow().toHex()
                      + ")";
            });
    out.println(
        "batch:        reading "
            + v.receipt().leafIndex()
            + " of "
            + v.batch().count()
            + ", root "
            + v.batch().rootHex()
            + ", readings from "
            + Instant.ofEpochMilli(v.batch().firstTimeMs())
            + " to "
            + Instant.ofEpochMilli(v.batch().lastTimeMs()));
    out.println(
        "gateway:      "
            + v.batch().gateway()
            + ", key "
            + v.batchTransaction().issuer().toHex()
            + " ("
            + v.gatewayOrganisation()
                .map(name -> name + ", holder at milestone " + index)
                .orElse("not named by the trust root")
            + ")");
    out.println("anchored in:  " + v.batchTransaction().id());
    out.println(
        "milestone:    "
            + index
            + " at "
            + Instant.ofEpochMilli(v.milestoneTimeMs())
            + " ("
            + v.anchor().milestone().id()
            + ")");
    out.println(
        "signed by:    "
            + v.anchor().signers().size()
            + " committee keys, threshold "
            + root.committeeAt(index).threshold()
            + ": "
            + v.anchor().signers().stream()
                .map(Ed25519PublicKey::toHex)
                .collect(Collectors.joining(", ")));
    out.println(
        "history leaf: "
            + v.anchor().receipt().leafIndex()
            + " of "
            + v.anchor().commitments().historySize());
    out.println(
        "network:      " + root.network().genesis().name() + " (" + root.network().id() + ")");
  }
}
