package org.tanglenode.protocol.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against the subset of JSON Schema 2020-12 that docs/schemas/ uses (type,
 * const, required, properties, additionalProperties, propertyNames, min/maxProperties, items,
 * min/maxItems, pattern, min/maxLength, minimum, local $ref). It refuses a schema that uses any
 * other keyword, so the schema files cannot drift beyond what this test checks.
 */
final class SchemaSubset {

  private static final Set<String> KNOWN =
      Set.of(
          "$schema",
          "$id",
          "title",
          "description",
          "examples",
          "$defs",
          "$ref",
          "type",
          "const",
          "required",
          "properties",
          "additionalProperties",
          "propertyNames",
          "minProperties",
          "maxProperties",
          "items",
          "minItems",
          "maxItems",
          "pattern",
          "minLength",
          "maxLength",
          "minimum",
          "maximum");

  private final JsonNode root;

  SchemaSubset(JsonNode root) {
    this.root = root;
  }

  /** What is wrong with {@code value}: empty when the schema accepts it. */
  List<String> problems(JsonNode value) {
    List<String> out = new ArrayList<>();
    check(root, value, "$", out);
    return out;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
    if (schema.isBoolean()) {
      if (!schema.asBoolean()) {
        out.add(at + ": not allowed");
      }
      return;
    }
    for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException("keyword outside the checked subset: " + key);
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#/$defs/")) {
        throw new IllegalArgumentException("only local $refs are checked: " + ref);
      }
      check(root.path("$defs").path(ref.substring("#/$defs/".length())), value, at, out);
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      out.add(at + ": must be " + schema.get("const"));
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!value.isObject()) {
          out.add(at + ": not an object");
          return;
        }
        object(schema, value, at, out);
      }
      case "array" -> {
        if (!value.isArray()) {
          out.add(at + ": not an array");
          return;
        }
        if (value.size() < schema.path("minItems").asInt(0)
            || value.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE)) {
          out.add(at + ": wrong number of items");
        }
        for (int i = 0; i < value.size(); i++) {
          check(schema.path("items"), value.get(i), at + "[" + i + "]", out);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          out.add(at + ": not a string");
          return;
        }
        text(schema, value.asText(), at, out);
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(at + ": not an integer");
        } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
          out.add(at + ": below the minimum");
        } else if (schema.has("maximum") && value.asLong() > schema.get("maximum").asLong()) {
          out.add(at + ": above the maximum");
        }
      }
      case "" -> {
        // Keywords beside a $ref apply to the value as it is.
        if (value.isTextual()) {
          text(schema, value.asText(), at, out);
        }
      }
      default -> throw new IllegalArgumentException("type outside the checked subset: " + type);
    }
  }

  private static void text(JsonNode schema, String text, String at, List<String> out) {
    // JSON Schema counts a string's length in code points, not UTF-16 units.
    int length = text.codePointCount(0, text.length());
    if (length < schema.path("minLength").asInt(0)
        || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
      out.add(at + ": wrong length");
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      out.add(at + ": does not match " + schema.get("pattern").asText());
    }
  }

  private void object(JsonNode schema, JsonNode value, String at, List<String> out) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        out.add(at + ": missing " + required.asText());
      }
    }
    if (value.size() < schema.path("minProperties").asInt(0)
        || value.size() > schema.path("maxProperties").asInt(Integer.MAX_VALUE)) {
      out.add(at + ": wrong number of members");
    }
    JsonNode properties = schema.path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      String name = member.getKey();
      if (schema.has("propertyNames")) {
        check(
            schema.get("propertyNames"),
            com.fasterxml.jackson.databind.node.TextNode.valueOf(name),
            at + "." + name + " (name)",
            out);
      }
      if (properties.has(name)) {
        check(properties.get(name), member.getValue(), at + "." + name, out);
      } else if (schema.has("additionalProperties")) {
        check(schema.get("additionalProperties"), member.getValue(), at + "." + name, out);
      }
    }
  }
}
