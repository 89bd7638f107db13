package org.tanglenode.protocol.sensor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tanglenode.protocol.receipt.ProofFileObject;
import org.tanglenode.protocol.receipt.Receipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptFormatException;
import org.tanglenode.protocol.sensor.ReadingReceiptVerdict.Reason;

/**
 * The reading receipt file of docs/sensors.md: JSON in one fixed layout, like the receipt file of
 * docs/receipts.md, which it holds (indented) as its {@code anchor}. The reading is written inline
 * in its canonical form, so a person reads it and the bytes a device signed are visible. One
 * encoding per receipt: a verifier re-encodes what it parsed and compares bytes.
 */
public final class ReadingReceiptFile {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "tangle-reading-receipt";

  /** The largest file read: a receipt file's limit and room for the reading and its path. */
  public static final int MAX_BYTES = ReceiptFile.MAX_BYTES + 8192;

  private static final List<String> KEYS =
      List.of("format", "version", "reading", "leafIndex", "batchSize", "path", "anchor");
  private static final HexFormat HEX = HexFormat.of();
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final byte[] HEAD =
      ("{\n  \"format\": \"" + FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);

  private ReadingReceiptFile() {}

  /** Whether {@code bytes} start as a reading receipt file does (to tell it from a receipt). */
  public static boolean looksLikeReadingReceipt(byte[] bytes) {
    if (bytes.length < HEAD.length) {
      return false;
    }
    for (int i = 0; i < HEAD.length; i++) {
      if (bytes[i] != HEAD[i]) {
        return false;
      }
    }
    return true;
  }

  /** The one encoding of {@code receipt}. */
  public static byte[] encode(ReadingReceipt receipt) {
    StringBuilder out = new StringBuilder(4096);
    out.append("{\n");
    out.append("  \"format\": \"").append(FORMAT).append("\",\n");
    out.append("  \"version\": ").append(receipt.version()).append(",\n");
    out.append("  \"reading\": ")
        .append(new String(receipt.reading().encode(), StandardCharsets.US_ASCII))
        .append(",\n");
    out.append("  \"leafIndex\": ").append(receipt.leafIndex()).append(",\n");
    out.append("  \"batchSize\": ").append(receipt.batchSize()).append(",\n");
    List<byte[]> path = receipt.path();
    if (path.isEmpty()) {
      out.append("  \"path\": [],\n");
    } else {
      out.append("  \"path\": [\n");
      for (int i = 0; i < path.size(); i++) {
        out.append("    \"").append(HEX.formatHex(path.get(i))).append('"');
        out.append(i + 1 < path.size() ? ",\n" : "\n");
      }
      out.append("  ],\n");
    }
    String anchor = new String(ReceiptFile.encode(receipt.anchor()), StandardCharsets.UTF_8);
    // The receipt file ends with "}\n"; nested, each of its lines is indented by two more spaces.
    anchor = anchor.substring(0, anchor.length() - 1).replace("\n", "\n  ");
    out.append("  \"anchor\": ").append(anchor).append('\n');
    out.append("}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a reading receipt from {@code bytes}. Does not check that they are the canonical
   * encoding; the verifier does, by {@link #encode re-encoding}.
   *
   * @throws ReadingReceiptFormatException naming the member at fault
   */
  public static ReadingReceipt parse(byte[] bytes) throws ReadingReceiptFormatException {
    JsonNode root;
    try {
      root = ProofFileObject.read(bytes, MAX_BYTES, KEYS, FORMAT, "a reading receipt");
    } catch (ProofFileObject.MalformedException e) {
      throw malformed(e.getMessage());
    }
    JsonNode version = root.get("version");
    if (version.intValue() != ReadingReceipt.VERSION) {
      throw new ReadingReceiptFormatException(
          Reason.UNSUPPORTED_VERSION,
          "reading receipt format version "
              + version.intValue()
              + ", this verifier reads "
              + ReadingReceipt.VERSION);
    }
    SensorReading reading;
    try {
      reading = SensorReading.fromJson(root.get("reading"));
    } catch (SensorFormatException e) {
      throw malformed("reading: " + e.getMessage());
    }
    long leafIndex = whole(root, "leafIndex", 0);
    long batchSize = whole(root, "batchSize", 1);
    JsonNode pathNode = root.get("path");
    if (!pathNode.isArray() || pathNode.size() > ReadingReceipt.MAX_PATH) {
      throw malformed("path: an array of at most " + ReadingReceipt.MAX_PATH + " hashes");
    }
    List<byte[]> path = new ArrayList<>(pathNode.size());
    for (int i = 0; i < pathNode.size(); i++) {
      String text = pathNode.get(i).textValue();
      if (text == null
          || text.length() != 64
          || !text.chars().allMatch(ReadingReceiptFile::isLowerHex)) {
        throw malformed("path[" + i + "]: 64 lowercase hex digits");
      }
      path.add(HEX.parseHex(text));
    }
    JsonNode anchorNode = root.get("anchor");
    if (!anchorNode.isObject()) {
      throw malformed("anchor: a receipt object");
    }
    Receipt anchor;
    try {
      anchor = ReceiptFile.parse(JSON.writeValueAsBytes(anchorNode));
    } catch (ReceiptFormatException e) {
      throw new ReadingReceiptFormatException(Reason.of(e.reason()), "anchor: " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw malformed("anchor: " + e.getOriginalMessage());
    }
    return new ReadingReceipt(version.intValue(), reading, leafIndex, batchSize, path, anchor);
  }

  private static long whole(JsonNode root, String key, long min)
      throws ReadingReceiptFormatException {
    JsonNode node = root.get(key);
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
      throw malformed(key + ": a whole number from " + min + " to 2^63 - 1");
    }
    return node.longValue();
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static ReadingReceiptFormatException malformed(String message) {
    return new ReadingReceiptFormatException(Reason.MALFORMED, message);
  }
}
