package org.tanglenode.protocol.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tanglenode.protocol.genesis.NetworkId;

/**
 * The receipt file of docs/receipts.md: JSON with a fixed key order, a fixed layout (two-space
 * indent, one path hash a line, LF line ends, a final newline), lowercase hex and decimal numbers.
 * There is exactly one encoding of each receipt, so a verifier re-encodes what it parsed and
 * compares bytes: any edit, even of whitespace, is caught. The parser refuses unknown and missing
 * keys and values of the wrong type, so a file that parses means what it says.
 */
public final class ReceiptFile {

  /** The value of the {@code format} key: says what the file is to someone who opens it. */
  public static final String FORMAT = "tangle-receipt";

  /**
   * The largest receipt file read: two transactions of at most the protocol's largest size, 64 path
   * hashes and the keys, with room to spare. Readers check it before reading a file.
   */
  public static final int MAX_BYTES = 1 << 20;

  private static final List<String> KEYS =
      List.of("format", "version", "network", "transaction", "milestone", "leafIndex", "path");
  private static final HexFormat HEX = HexFormat.of();

  private ReceiptFile() {}

  /** The one encoding of {@code receipt}. */
  public static byte[] encode(Receipt receipt) {
    StringBuilder out = new StringBuilder(256 + 2 * receipt.transaction().length);
    out.append("{\n");
    out.append("  \"format\": \"").append(FORMAT).append("\",\n");
    out.append("  \"version\": ").append(receipt.version()).append(",\n");
    out.append("  \"network\": \"").append(receipt.network().toHex()).append("\",\n");
    out.append("  \"transaction\": \"")
        .append(HEX.formatHex(receipt.transaction()))
        .append("\",\n");
    out.append("  \"milestone\": \"").append(HEX.formatHex(receipt.milestone())).append("\",\n");
    out.append("  \"leafIndex\": ").append(receipt.leafIndex()).append(",\n");
    List<byte[]> path = receipt.path();
    if (path.isEmpty()) {
      out.append("  \"path\": []\n");
    } else {
      out.append("  \"path\": [\n");
      for (int i = 0; i < path.size(); i++) {
        out.append("    \"").append(HEX.formatHex(path.get(i))).append('"');
        out.append(i + 1 < path.size() ? ",\n" : "\n");
      }
      out.append("  ]\n");
    }
    out.append("}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a receipt from {@code bytes}. Does not check that they are the canonical encoding; the
   * verifier does, by {@link #encode re-encoding}.
   *
   * @throws ReceiptFormatException naming the key at fault
   */
  public static Receipt parse(byte[] bytes) throws ReceiptFormatException {
    JsonNode root;
    try {
      root = ProofFileObject.read(bytes, MAX_BYTES, KEYS, FORMAT, "a receipt");
    } catch (ProofFileObject.MalformedException e) {
      throw malformed(e.getMessage());
    }
    JsonNode version = root.get("version");
    if (version.intValue() != Receipt.VERSION) {
      throw new ReceiptFormatException(
          ReceiptVerdict.Reason.UNSUPPORTED_VERSION,
          "receipt format version "
              + version.intValue()
              + ", this verifier reads "
              + Receipt.VERSION);
    }
    byte[] network = hexField(root, "network");
    if (network.length != NetworkId.SIZE) {
      throw malformed("network: a network id has " + NetworkId.SIZE + " bytes");
    }
    byte[] transaction = hexField(root, "transaction");
    byte[] milestone = hexField(root, "milestone");
    JsonNode leafIndex = root.get("leafIndex");
    if (!leafIndex.isIntegralNumber()
        || !leafIndex.canConvertToLong()
        || leafIndex.longValue() < 0) {
      throw malformed("leafIndex: must be a whole number from 0 to 2^63 - 1");
    }
    JsonNode pathNode = root.get("path");
    if (!pathNode.isArray()) {
      throw malformed("path: must be an array of hashes");
    }
    if (pathNode.size() > Receipt.MAX_PATH) {
      throw malformed("path: at most " + Receipt.MAX_PATH + " hashes");
    }
    List<byte[]> path = new ArrayList<>(pathNode.size());
    for (int i = 0; i < pathNode.size(); i++) {
      byte[] hash = hex(pathNode.get(i), "path[" + i + "]");
      if (hash.length != 32) {
        throw malformed("path[" + i + "]: a hash has 32 bytes, not " + hash.length);
      }
      path.add(hash);
    }
    return new Receipt(
        version.intValue(),
        new NetworkId(network),
        transaction,
        milestone,
        leafIndex.longValue(),
        path);
  }

  private static byte[] hexField(JsonNode root, String key) throws ReceiptFormatException {
    return hex(root.get(key), key);
  }

  private static byte[] hex(JsonNode node, String what) throws ReceiptFormatException {
    String text = node == null ? null : node.textValue();
    if (text == null || !isLowercaseHex(text)) {
      throw malformed(what + ": must be a string of lowercase hex digit pairs");
    }
    return HEX.parseHex(text);
  }

  /** Pairs of 0-9 a-f; checked by hand, as a regular expression recurses per pair. */
  private static boolean isLowercaseHex(String text) {
    if (text.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static ReceiptFormatException malformed(String message) {
    return new ReceiptFormatException(ReceiptVerdict.Reason.MALFORMED, message);
  }
}
