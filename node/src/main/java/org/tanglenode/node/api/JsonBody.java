package org.tanglenode.node.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * A request body that must be one JSON object with known fields: malformed JSON, another shape, an
 * unknown field or a field of the wrong type is the caller's fault (400, naming the field).
 */
final class JsonBody {

  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  static JsonBody parse(ObjectMapper json, byte[] body, Set<String> fields) {
    if (body.length == 0) {
      throw ApiException.badRequest("MALFORMED_JSON", "the request needs a JSON object as body");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest(
          "MALFORMED_JSON", "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("MALFORMED_JSON", "the body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("WRONG_TYPE", "the body must be a JSON object");
    }
    Iterator<String> names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw ApiException.badRequest(
            "UNKNOWN_FIELD", "unknown field '" + name + "'; known fields: " + fields);
      }
    }
    return new JsonBody(root);
  }

  /** A text field, absent or null as empty. */
  Optional<String> text(String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw ApiException.badRequest("WRONG_TYPE", "field '" + name + "' must be a string");
    }
    return Optional.of(node.asText());
  }

  /** A whole-number field, absent or null as empty. */
  Optional<Long> wholeNumber(String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw ApiException.badRequest("WRONG_TYPE", "field '" + name + "' must be a whole number");
    }
    return Optional.of(node.longValue());
  }

  String requiredText(String name) {
    return text(name)
        .orElseThrow(
            () -> ApiException.badRequest("MISSING_FIELD", "field '" + name + "' is required"));
  }
}
