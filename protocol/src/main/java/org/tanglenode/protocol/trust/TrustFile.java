package org.tanglenode.protocol.trust;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.ValidationResult;
import org.tanglenode.protocol.genesis.GenesisFormatException;

/**
 * A {@link TrustChain} as one JSON file: the genesis file's exact bytes and every update
 * transaction's bytes, in lowercase hex, with fixed key order and layout (docs/trust.md). Reading
 * re-verifies every link offline, so a receipt can be checked against the committee and issuers of
 * its milestone index with nothing but this file. Writing is stable: one chain, one byte string.
 */
public final class TrustFile {

  /** The value of the {@code format} key. */
  public static final String FORMAT = "tangle-trust-1";

  /** Largest file read: a genesis file and a few thousand updates fit well below this. */
  public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

  // Jackson silently keeps the last of duplicate keys, and reads the first value of "{...} x"
  // ignoring the rest, unless told otherwise.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> TOP_KEYS = Set.of("format", "network", "genesis", "updates");
  private static final Set<String> UPDATE_KEYS = Set.of("id", "transaction");

  private TrustFile() {}

  /** Reads and verifies the trust file at {@code file}. */
  public static TrustChain read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new TrustFileException(
            TrustFileException.Code.UNREADABLE,
            file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TrustFileException(
          TrustFileException.Code.UNREADABLE,
          file + " cannot be read (" + e + ")",
          Optional.empty(),
          e);
    }
    return parse(bytes);
  }

  /**
   * Parses trust file bytes and re-verifies the chain: the network id from the genesis bytes, each
   * update's id, decoding and link, and last that the bytes are this format's encoding of it.
   *
   * @throws TrustFileException naming the rule broken and, for an update, its position and id
   */
  public static TrustChain parse(byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      // The same bound as read(Path): bytes from a node's API or a pipe are no more trusted.
      throw new TrustFileException(
          TrustFileException.Code.UNREADABLE,
          "the trust file has " + bytes.length + " bytes, at most " + MAX_FILE_BYTES);
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw malformed("not JSON (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw malformed("the top level is not a JSON object");
    }
    checkKeys(root, TOP_KEYS, "the top level");
    String format = text(root, "format");
    if (!FORMAT.equals(format)) {
      throw new TrustFileException(
          TrustFileException.Code.UNSUPPORTED_FORMAT,
          "format " + format + ", this node reads " + FORMAT);
    }
    byte[] networkId = hex(text(root, "network"), "network");
    byte[] genesisFile = hex(text(root, "genesis"), "genesis");
    TrustChain chain;
    try {
      chain = TrustChain.ofGenesisFile(genesisFile);
    } catch (GenesisFormatException e) {
      throw new TrustFileException(
          TrustFileException.Code.INVALID_GENESIS,
          "genesis " + e.code() + ": " + e.getMessage(),
          Optional.empty(),
          e);
    }
    if (!Arrays.equals(networkId, chain.network().id().bytes())) {
      throw new TrustFileException(
          TrustFileException.Code.NETWORK_MISMATCH,
          "network "
              + HEX.formatHex(networkId)
              + ", the genesis file's id is "
              + chain.network().id().toHex());
    }
    JsonNode updates = root.get("updates");
    if (!updates.isArray()) {
      throw malformed("updates is not an array");
    }
    TransactionDecoder decoder =
        new TransactionDecoder(chain.network().genesis().limits().maxTransactionBytes());
    for (int i = 0; i < updates.size(); i++) {
      JsonNode entry = updates.get(i);
      String where = "updates[" + i + "]";
      if (!entry.isObject()) {
        throw malformed(where + " is not an object");
      }
      checkKeys(entry, UPDATE_KEYS, where);
      byte[] id = hex(text(entry, "id"), where + ".id");
      byte[] txBytes = hex(text(entry, "transaction"), where + ".transaction");
      ValidationResult decoded = decoder.decode(txBytes);
      if (!(decoded instanceof ValidationResult.Valid valid)) {
        throw new TrustFileException(
            TrustFileException.Code.INVALID_UPDATE, where + ": " + decoded);
      }
      Transaction tx = valid.transaction();
      if (id.length != TransactionId.SIZE || !tx.id().equals(new TransactionId(id))) {
        throw new TrustFileException(
            TrustFileException.Code.ID_MISMATCH,
            where + ": id " + HEX.formatHex(id) + ", the transaction's is " + tx.id().toHex());
      }
      LinkVerdict verdict = chain.append(tx);
      if (verdict instanceof LinkVerdict.Refused refused) {
        throw new TrustFileException(
            TrustFileException.Code.BROKEN_LINK,
            where + " (" + tx.id().toHex() + "): " + refused.code() + " " + refused.detail(),
            Optional.of(refused.code()),
            null);
      }
      chain = ((LinkVerdict.Linked) verdict).chain();
    }
    if (!Arrays.equals(encode(chain), bytes)) {
      throw new TrustFileException(
          TrustFileException.Code.NON_CANONICAL,
          "the chain verifies, but its bytes differ from this format's encoding of it"
              + " (key order, spacing, letter case or line ends)");
    }
    return chain;
  }

  /**
   * The file's bytes for {@code chain}: UTF-8, keys in the order format, network, genesis, updates
   * (each with id, then transaction), two-space indentation, {@code \n} line ends, a final newline.
   */
  public static byte[] encode(TrustChain chain) {
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"format\": \"").append(FORMAT).append("\",\n");
    out.append("  \"network\": \"").append(chain.network().id().toHex()).append("\",\n");
    out.append("  \"genesis\": \"").append(HEX.formatHex(chain.genesisFile())).append("\",\n");
    List<Transaction> updates = chain.updates();
    if (updates.isEmpty()) {
      out.append("  \"updates\": []\n");
    } else {
      out.append("  \"updates\": [\n");
      List<String> entries = new ArrayList<>(updates.size());
      for (Transaction tx : updates) {
        entries.add(
            "    {\n"
                + "      \"id\": \""
                + tx.id().toHex()
                + "\",\n"
                + "      \"transaction\": \""
                + HEX.formatHex(tx.bytes())
                + "\"\n"
                + "    }");
      }
      out.append(String.join(",\n", entries)).append("\n  ]\n");
    }
    out.append("}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code chain} to {@code file} (replacing it). */
  public static void write(TrustChain chain, Path file) {
    try {
      Files.write(file, encode(chain));
    } catch (IOException e) {
      throw new TrustFileException(
          TrustFileException.Code.UNREADABLE,
          file + " cannot be written (" + e + ")",
          Optional.empty(),
          e);
    }
  }

  private static void checkKeys(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw malformed(where + " has an unknown key " + name);
      }
    }
    for (String name : known) {
      if (!node.has(name)) {
        throw malformed(where + " lacks the key " + name);
      }
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw malformed(key + " is not a string");
    }
    return value.textValue();
  }

  private static byte[] hex(String text, String where) {
    if (text.length() % 2 != 0
        || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw malformed(where + " is not lowercase hex of whole bytes");
    }
    return HEX.parseHex(text);
  }

  private static TrustFileException malformed(String message) {
    return new TrustFileException(TrustFileException.Code.MALFORMED, message);
  }
}
