package org.tanglenode.protocol.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Reads and writes genesis files: JSON, because every language an independent verifier may be
 * written in reads it. The network id is the hash of the file's bytes, so the reader keeps them and
 * the writer's output is stable (fixed key order, two-space indent, a final newline). Unknown keys
 * are refused, so a typo cannot silently leave a parameter at its default.
 */
public final class GenesisFile {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // A key given twice would be read differently by parsers that keep the first copy.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          // "{...} x" is not one JSON value; Jackson would read the object and ignore the rest.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final HexFormat HEX = HexFormat.of();

  private static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "addressPrefix",
          "powDifficulty",
          "milestoneIntervalMs",
          "timestampMs",
          "committee",
          "limits",
          "allocations",
          "issuers");
  private static final Set<String> COMMITTEE_KEYS = Set.of("keys", "threshold");
  private static final Set<String> LIMIT_KEYS =
      Set.of("maxTransactionBytes", "maxDataBytes", "maxFutureDriftMs");
  private static final Set<String> ALLOCATION_KEYS = Set.of("address", "amount");
  private static final Set<String> ISSUER_KEYS = Set.of("key", "organisation");

  private GenesisFile() {}

  /** Reads the genesis file at {@code file} and derives the network id from its bytes. */
  public static Network read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new GenesisFileException(file, "cannot be read (" + e + ")", e);
    }
    try {
      return parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new GenesisFileException(file, e.getMessage(), e);
    }
  }

  /**
   * Parses genesis bytes.
   *
   * @throws GenesisFormatException MALFORMED or INVALID, naming the key at fault
   */
  public static Network parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new GenesisFormatException(
          GenesisFileException.Code.MALFORMED, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new GenesisFormatException(
          GenesisFileException.Code.MALFORMED, "not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new GenesisFormatException(
          GenesisFileException.Code.MALFORMED, "not valid JSON: no value", null);
    }
    try {
      return parseTree(root, bytes);
    } catch (GenesisFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new GenesisFormatException(GenesisFileException.Code.INVALID, e.getMessage(), e);
    }
  }

  private static Network parseTree(JsonNode root, byte[] bytes) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("the genesis must be a JSON object");
    }
    checkKeys(root, TOP_KEYS, "");
    JsonNode committee = object(root, "committee");
    checkKeys(committee, COMMITTEE_KEYS, "committee.");
    List<Ed25519PublicKey> keys = new ArrayList<>();
    for (JsonNode key : array(committee, "keys", "committee.keys")) {
      keys.add(new Ed25519PublicKey(hex(key, 32, "committee.keys")));
    }
    JsonNode limits = object(root, "limits");
    checkKeys(limits, LIMIT_KEYS, "limits.");
    List<Allocation> allocations = new ArrayList<>();
    for (JsonNode allocation : array(root, "allocations", "allocations")) {
      checkKeys(allocation, ALLOCATION_KEYS, "allocations[].");
      allocations.add(
          new Allocation(
              hex(allocation.get("address"), 32, "allocations[].address"),
              number(allocation, "amount", "allocations[].amount")));
    }
    List<Issuer> issuers = new ArrayList<>();
    if (root.has("issuers")) {
      for (JsonNode issuer : array(root, "issuers", "issuers")) {
        checkKeys(issuer, ISSUER_KEYS, "issuers[].");
        issuers.add(
            new Issuer(
                new Ed25519PublicKey(hex(issuer.get("key"), 32, "issuers[].key")),
                text(issuer, "organisation", "issuers[].organisation")));
      }
    }
    Genesis genesis =
        new Genesis(
            text(root, "name"),
            text(root, "addressPrefix"),
            smallNumber(root, "powDifficulty", "powDifficulty"),
            number(root, "milestoneIntervalMs", "milestoneIntervalMs"),
            number(root, "timestampMs", "timestampMs"),
            new Committee(keys, smallNumber(committee, "threshold", "committee.threshold")),
            new Limits(
                smallNumber(limits, "maxTransactionBytes", "limits.maxTransactionBytes"),
                smallNumber(limits, "maxDataBytes", "limits.maxDataBytes"),
                number(limits, "maxFutureDriftMs", "limits.maxFutureDriftMs")),
            allocations,
            issuers);
    return new Network(genesis, NetworkId.ofGenesisFile(bytes));
  }

  /** The canonical file bytes of {@code genesis}: what {@link #parse} reads back as equal. */
  public static byte[] encode(Genesis genesis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("name", genesis.name());
    root.put("addressPrefix", genesis.addressPrefix());
    root.put("powDifficulty", genesis.powDifficulty());
    root.put("milestoneIntervalMs", genesis.milestoneIntervalMs());
    root.put("timestampMs", genesis.timestampMs());
    ObjectNode committee = root.putObject("committee");
    ArrayNode keys = committee.putArray("keys");
    genesis.committee().keys().forEach(k -> keys.add(k.toHex()));
    committee.put("threshold", genesis.committee().threshold());
    ObjectNode limits = root.putObject("limits");
    limits.put("maxTransactionBytes", genesis.limits().maxTransactionBytes());
    limits.put("maxDataBytes", genesis.limits().maxDataBytes());
    limits.put("maxFutureDriftMs", genesis.limits().maxFutureDriftMs());
    ArrayNode allocations = root.putArray("allocations");
    for (Allocation allocation : genesis.allocations()) {
      ObjectNode a = allocations.addObject();
      a.put("address", HEX.formatHex(allocation.address()));
      a.put("amount", allocation.amount());
    }
    // Written only when present, so files of networks without issuers keep their bytes and id.
    if (!genesis.issuers().isEmpty()) {
      ArrayNode issuers = root.putArray("issuers");
      for (Issuer issuer : genesis.issuers()) {
        issuers
            .addObject()
            .put("key", issuer.key().toHex())
            .put("organisation", issuer.organisation());
      }
    }
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static void checkKeys(JsonNode node, Set<String> known, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + ": must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(path + name + ": unknown key");
      }
    }
  }

  private static JsonNode object(JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(key + ": missing or not an object");
    }
    return node;
  }

  private static JsonNode array(JsonNode parent, String key, String path) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException(path + ": missing or not an array");
    }
    return node;
  }

  private static String text(JsonNode parent, String key) {
    return text(parent, key, key);
  }

  private static String text(JsonNode parent, String key, String path) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(path + ": missing or not a string");
    }
    return node.asText();
  }

  private static long number(JsonNode parent, String key, String path) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(path + ": missing or not a whole number");
    }
    return node.asLong();
  }

  private static int smallNumber(JsonNode parent, String key, String path) {
    long value = number(parent, key, path);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + ": out of range");
    }
    return (int) value;
  }

  private static byte[] hex(JsonNode node, int size, String path) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(path + ": missing or not a hex string");
    }
    String text = node.asText();
    if (text.length() != size * 2) {
      throw new IllegalArgumentException(path + ": must be " + size * 2 + " hex digits");
    }
    try {
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": not hexadecimal", e);
    }
  }
}
