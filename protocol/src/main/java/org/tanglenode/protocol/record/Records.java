package org.tanglenode.protocol.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tanglenode.protocol.record.RecordFormatException.Reason;

/**
 * The canonical JSON form of records (docs/records.md): UTF-8, no white space, keys in a fixed
 * order, empty optional members left out, hashes as lowercase hex. A reader decodes, re-encodes and
 * compares, so a record has one byte form: what a signer signed is what every tool shows.
 */
public final class Records {

  /** The only record version so far. */
  public static final int VERSION = 1;

  /** Longest note or field value, in characters. */
  public static final int MAX_TEXT_CHARS = 256;

  // Characters outside the BMP are written as their four UTF-8 bytes, not as \\u escapes of the
  // surrogate pair, as docs/records.md says.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  private static final HexFormat HEX = HexFormat.of();
  private static final Set<String> ANCHOR_KEYS =
      Set.of("type", "v", "sha256", "blake2b256", "size", "note");
  private static final Set<String> EVENT_KEYS =
      Set.of("type", "v", "trail", "event", "docs", "fields", "private");
  private static final Set<String> BATCH_KEYS =
      Set.of("type", "v", "gateway", "root", "count", "first", "last");
  private static final Set<String> DOCUMENT_KEYS = Set.of("sha256", "blake2b256", "size");

  private Records() {}

  /** The canonical bytes of {@code record}, to put in a data payload. */
  public static byte[] encode(Record record) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", record.type());
    root.put("v", VERSION);
    if (record instanceof AnchorRecord anchor) {
      putDocument(root, anchor.document());
      anchor.note().ifPresent(note -> root.put("note", note));
    } else if (record instanceof TrailEvent event) {
      root.put("trail", event.trail());
      root.put("event", event.event());
      if (!event.documents().isEmpty()) {
        ArrayNode docs = root.putArray("docs");
        event.documents().forEach(d -> putDocument(docs.addObject(), d));
      }
      if (!event.fields().isEmpty()) {
        ObjectNode fields = root.putObject("fields");
        event.fields().forEach(fields::put);
      }
      if (!event.commitments().isEmpty()) {
        ObjectNode hidden = root.putObject("private");
        event.commitments().forEach((name, c) -> hidden.put(name, HEX.formatHex(c)));
      }
    } else if (record instanceof SensorBatchRecord batch) {
      root.put("gateway", batch.gateway());
      root.put("root", batch.rootHex());
      root.put("count", batch.count());
      root.put("first", batch.firstTimeMs());
      root.put("last", batch.lastTimeMs());
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Reads a record from data payload bytes.
   *
   * @throws RecordFormatException with {@link Reason#NOT_JSON} or {@link Reason#NOT_A_RECORD} for
   *     data that is not meant as a record, and the other reasons for a record that is wrong
   */
  public static Record parse(byte[] data) throws RecordFormatException {
    JsonNode root = readJson(data);
    String type = root.path("type").asText("");
    if (!root.path("v").isInt()
        || !(type.equals(AnchorRecord.TYPE)
            || type.equals(TrailEvent.TYPE)
            || type.equals(SensorBatchRecord.TYPE))) {
      throw new RecordFormatException(Reason.NOT_A_RECORD, "no known \"type\" and \"v\"");
    }
    if (root.get("v").intValue() != VERSION) {
      throw new RecordFormatException(
          Reason.INVALID, "v: version " + root.get("v").intValue() + " is not known");
    }
    Record record;
    try {
      record =
          switch (type) {
            case AnchorRecord.TYPE -> anchor(root);
            case TrailEvent.TYPE -> event(root);
            default -> batch(root);
          };
    } catch (IllegalArgumentException e) {
      throw new RecordFormatException(Reason.INVALID, e.getMessage(), e);
    }
    if (!Arrays.equals(encode(record), data)) {
      throw new RecordFormatException(
          Reason.NOT_CANONICAL, "not in canonical form (key order, white space or escapes)");
    }
    return record;
  }

  /** The record in {@code data}, or empty for data that is not a record of any kind. */
  public static Optional<Record> tryParse(byte[] data) {
    try {
      return Optional.of(parse(data));
    } catch (RecordFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Lengths count Unicode code points and "white space" is ECMAScript's set (WhiteSpace and
   * LineTerminator), because that is what the JSON Schemas of docs/schemas mean by {@code
   * maxLength} and {@code \s}: a record the schema admits is one this code admits.
   */
  static void checkText(String text, String name, int maxChars) {
    if (text == null
        || text.isEmpty()
        || hasUnpairedSurrogate(text)
        || text.codePointCount(0, text.length()) > maxChars
        || isWhiteSpace(text.charAt(0))
        || isWhiteSpace(text.charAt(text.length() - 1))
        || text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          name
              + ": 1 to "
              + maxChars
              + " characters (code points), no control characters, no unpaired surrogates, no"
              + " leading or trailing white space");
    }
  }

  /** ECMAScript's WhiteSpace and LineTerminator: the characters {@code \s} matches there. */
  static boolean isWhiteSpace(char c) {
    return switch (c) {
      case '\t',
          '\n',
          '\u000b',
          '\f',
          '\r',
          ' ',
          '\u00a0',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202f',
          '\u205f',
          '\u3000',
          '\ufeff' ->
          true;
      default -> c >= '\u2000' && c <= '\u200a';
    };
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode readJson(byte[] data) throws RecordFormatException {
    if (data.length == 0 || data[0] != '{') {
      throw new RecordFormatException(Reason.NOT_JSON, "does not start with '{'");
    }
    try {
      JsonNode root = JSON.readTree(new String(data, StandardCharsets.UTF_8));
      if (root == null || !root.isObject()) {
        throw new RecordFormatException(Reason.NOT_JSON, "not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new RecordFormatException(Reason.NOT_JSON, "not valid JSON", e);
    }
  }

  private static AnchorRecord anchor(JsonNode root) {
    checkKeys(root, ANCHOR_KEYS, "");
    JsonNode note = root.get("note");
    if (note != null && !note.isTextual()) {
      throw new IllegalArgumentException("note: not a string");
    }
    return new AnchorRecord(
        document(root, ""), note == null ? Optional.empty() : Optional.of(note.asText()));
  }

  private static TrailEvent event(JsonNode root) {
    checkKeys(root, EVENT_KEYS, "");
    List<DocumentHash> documents = new ArrayList<>();
    JsonNode docs = root.get("docs");
    if (docs != null) {
      if (!docs.isArray()) {
        throw new IllegalArgumentException("docs: not an array");
      }
      for (JsonNode doc : docs) {
        checkKeys(doc, DOCUMENT_KEYS, "docs[].");
        documents.add(document(doc, "docs[]."));
      }
    }
    TreeMap<String, String> fields = new TreeMap<>();
    members(root, "fields")
        .forEach(name -> fields.put(name, text(root.get("fields"), name, "fields.")));
    TreeMap<String, byte[]> commitments = new TreeMap<>();
    members(root, "private")
        .forEach(
            name -> commitments.put(name, hex(root.get("private").get(name), "private." + name)));
    return new TrailEvent(
        text(root, "trail", ""), text(root, "event", ""), documents, fields, commitments);
  }

  private static SensorBatchRecord batch(JsonNode root) {
    checkKeys(root, BATCH_KEYS, "");
    return new SensorBatchRecord(
        text(root, "gateway", ""),
        hex(root.get("root"), "root"),
        whole(root, "count"),
        whole(root, "first"),
        whole(root, "last"));
  }

  private static long whole(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(key + ": missing or not a whole number");
    }
    return node.longValue();
  }

  private static void putDocument(ObjectNode node, DocumentHash document) {
    node.put("sha256", document.sha256Hex());
    node.put("blake2b256", document.blake2b256Hex());
    node.put("size", document.size());
  }

  private static DocumentHash document(JsonNode node, String path) {
    JsonNode size = node.get("size");
    if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
      throw new IllegalArgumentException(path + "size: missing or not a whole number");
    }
    return new DocumentHash(
        hex(node.get("sha256"), path + "sha256"),
        hex(node.get("blake2b256"), path + "blake2b256"),
        size.longValue());
  }

  private static List<String> members(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(key + ": not an object");
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void checkKeys(JsonNode node, Set<String> known, String path) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + ": not an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(path + name + ": unknown key");
      }
    }
  }

  private static String text(JsonNode parent, String key, String path) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(path + key + ": missing or not a string");
    }
    return node.asText();
  }

  private static byte[] hex(JsonNode node, String path) {
    if (node == null || !node.isTextual() || node.asText().length() != 64) {
      throw new IllegalArgumentException(path + ": must be 64 lowercase hex digits");
    }
    String text = node.asText();
    if (!text.equals(text.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(path + ": must be 64 lowercase hex digits");
    }
    try {
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": must be 64 lowercase hex digits", e);
    }
  }
}
