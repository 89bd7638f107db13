package org.tanglenode.protocol.receipt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The first steps of reading any of the project's JSON proof files (a receipt, a reading receipt):
 * a size bound, one JSON object with duplicate keys refused, exactly the expected keys, the
 * expected {@code format} and a whole-number {@code version}. What each file holds beyond that is
 * its own reader's business. The proof files are canonical, so their verifiers also compare a
 * re-encoding with the bytes read ({@link #firstDifference}).
 */
public final class ProofFileObject {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ProofFileObject() {}

  /** The file is not an object of the expected shape; the message names what is wrong. */
  public static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads {@code bytes} as one JSON object of exactly {@code keys}, whose {@code format} is {@code
   * format} and whose {@code version} is a whole number (which version is the caller's check).
   *
   * @param what the file's name in messages ("a receipt")
   */
  public static JsonNode read(
      byte[] bytes, int maxBytes, List<String> keys, String format, String what)
      throws MalformedException {
    if (bytes.length > maxBytes) {
      throw new MalformedException(
          bytes.length + " bytes, " + what + " file has at most " + maxBytes);
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new MalformedException("not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedException("not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedException(what + " is a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw new MalformedException("unknown key '" + name + "'");
      }
    }
    for (String key : keys) {
      if (!root.has(key)) {
        throw new MalformedException("missing key '" + key + "'");
      }
    }
    if (!format.equals(root.get("format").textValue())) {
      throw new MalformedException("format: must be \"" + format + "\"");
    }
    JsonNode version = root.get("version");
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new MalformedException("version: must be a whole number");
    }
    return root;
  }

  /** The first offset at which the two differ (a shorter one ends first), or -1. */
  public static int firstDifference(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return a.length == b.length ? -1 : n;
  }
}
