package org.tanglenode.node.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanglenode.node.config.Setting.Type;

/**
 * Reads a {@link NodeConfig} from one YAML file: refuses unknown keys and values of the wrong type
 * (naming the key), applies the environment overrides ({@link Setting#env()}), fills every absent
 * key with its default from {@link Settings}, then lets the section records refuse impossible
 * values (the gossip section by gossip's own rules), naming the key and, when the value came from
 * one, the environment variable. Precedence: environment variable, then the file, then the default.
 */
public final class ConfigLoader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, String> env;
  private final ObjectMapper yaml =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * @param env the environment to take overrides from ({@code System.getenv()}, or a map in tests)
   */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Reads {@code file}; relative paths in it are relative to its folder. */
  public NodeConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file " + file + " does not exist");
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e, e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, base, file.toString());
  }

  /** Only defaults and environment overrides, paths relative to {@code baseDir}. */
  public NodeConfig defaults(Path baseDir) {
    return parse("", baseDir, "(defaults)");
  }

  /** Parses YAML {@code text}; {@code origin} names the file in messages. */
  public NodeConfig parse(String text, Path baseDir, String origin) {
    ObjectNode tree = readTree(text, origin);
    checkKeys(tree, "", origin);
    Set<String> fromEnvironment = new HashSet<>();
    for (Setting setting : Settings.ALL) {
      String override = env.get(setting.env());
      if (override != null) {
        put(tree, setting, fromEnv(setting, override));
        fromEnvironment.add(setting.key());
      } else {
        JsonNode present = get(tree, setting);
        put(
            tree,
            setting,
            present == null
                ? fromText(setting, setting.defaultValue(), "default")
                : typed(setting, present));
      }
    }
    tree.put("baseDir", baseDir.toAbsolutePath().toString());
    try {
      return yaml.treeToValue(tree, NodeConfig.class);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof ConfigException config) {
        // The section records judge values; the variable is named here, where its use is known.
        boolean overridden = config.key().filter(fromEnvironment::contains).isPresent();
        throw new ConfigException(
            origin
                + ": "
                + (overridden
                    ? Settings.byKey(config.key().get()).orElseThrow().env()
                        + " ("
                        + config.getMessage()
                        + ")"
                    : config.getMessage()),
            config);
      }
      throw new ConfigException(origin + ": " + e.getOriginalMessage(), e);
    } catch (JacksonException e) {
      throw new ConfigException(origin + ": " + e.getOriginalMessage(), e);
    }
  }

  private ObjectNode readTree(String text, String origin) {
    JsonNode root;
    try {
      root = yaml.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(origin + " is not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return NODES.objectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException(origin + ": the top level must be a mapping of keys to values");
    }
    return (ObjectNode) root;
  }

  private static void checkKeys(ObjectNode node, String prefix, String origin) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (Settings.byKey(key).isPresent()) {
        continue;
      }
      if (Settings.isSection(key)) {
        if (!field.getValue().isObject()) {
          throw new ConfigException(
              origin + ": " + key + ": is a section, write its keys under it");
        }
        checkKeys((ObjectNode) field.getValue(), key, origin);
        continue;
      }
      throw new ConfigException(
          origin + ": unknown key '" + key + "' (docs/configuration.md lists every key)");
    }
  }

  private static JsonNode get(ObjectNode tree, Setting setting) {
    JsonNode node = tree;
    for (String part : setting.path()) {
      node = node.get(part);
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static void put(ObjectNode tree, Setting setting, JsonNode value) {
    List<String> path = setting.path();
    ObjectNode node = tree;
    for (String part : path.subList(0, path.size() - 1)) {
      JsonNode child = node.get(part);
      node = child instanceof ObjectNode object ? object : node.putObject(part);
    }
    node.set(path.get(path.size() - 1), value);
  }

  /** Checks a value from the file against the setting's type. */
  private static JsonNode typed(Setting setting, JsonNode value) {
    String key = setting.key();
    if (value.isNull()) {
      if (setting.type() == Type.LIST) {
        return NODES.arrayNode();
      }
      throw new ConfigException(key + ": has no value (remove the key to use the default)");
    }
    switch (setting.type()) {
      case TEXT, PATH -> {
        if (!value.isValueNode()) {
          throw new ConfigException(key + ": must be text, not " + kind(value));
        }
        return NODES.textNode(value.asText());
      }
      case INT, LONG -> {
        if (!value.isIntegralNumber()
            || (setting.type() == Type.INT
                ? !value.canConvertToInt()
                : !value.canConvertToLong())) {
          throw new ConfigException(key + ": must be a whole number, not " + kind(value));
        }
        return value;
      }
      case BOOLEAN -> {
        if (!value.isBoolean()) {
          throw new ConfigException(key + ": must be true or false, not " + kind(value));
        }
        return value;
      }
      case CHOICE -> {
        if (!value.isTextual() || !setting.choices().contains(value.asText())) {
          throw new ConfigException(
              key + ": must be one of " + setting.choices() + ", not " + kind(value));
        }
        return value;
      }
      case LIST -> {
        if (!value.isArray()) {
          throw new ConfigException(key + ": must be a list, not " + kind(value));
        }
        ArrayNode list = NODES.arrayNode();
        for (JsonNode item : value) {
          if (!item.isValueNode() || item.isNull()) {
            throw new ConfigException(key + ": list items must be text, not " + kind(item));
          }
          list.add(item.asText());
        }
        return list;
      }
    }
    throw new AssertionError(setting.type());
  }

  private static JsonNode fromEnv(Setting setting, String value) {
    try {
      return fromText(setting, value, "environment");
    } catch (ConfigException e) {
      throw new ConfigException(setting.env() + " (" + e.getMessage() + ")", e);
    }
  }

  /** A value written as text (a default or an environment variable), typed. */
  private static JsonNode fromText(Setting setting, String text, String origin) {
    String key = setting.key();
    switch (setting.type()) {
      case TEXT, PATH -> {
        return NODES.textNode(text);
      }
      case INT, LONG -> {
        try {
          long number = Long.parseLong(text.trim());
          if (setting.type() == Type.INT
              && (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE)) {
            throw new NumberFormatException();
          }
          return setting.type() == Type.INT
              ? NODES.numberNode((int) number)
              : NODES.numberNode(number);
        } catch (NumberFormatException e) {
          throw new ConfigException(key + ": must be a whole number, not '" + text + "'");
        }
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw new ConfigException(key + ": must be true or false, not '" + text + "'");
        }
        return NODES.booleanNode(Boolean.parseBoolean(text));
      }
      case CHOICE -> {
        if (!setting.choices().contains(text)) {
          throw new ConfigException(
              key + ": must be one of " + setting.choices() + ", not '" + text + "'");
        }
        return NODES.textNode(text);
      }
      case LIST -> {
        ArrayNode list = NODES.arrayNode();
        for (String item : text.split(",")) {
          if (!item.isBlank()) {
            list.add(item.trim());
          }
        }
        return list;
      }
    }
    throw new AssertionError(origin);
  }

  private static String kind(JsonNode value) {
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    return value.toString();
  }
}
