package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanglenode.node.config.ConfigException;

/**
 * Reads {@code gateway.yaml} into a {@link GatewayConfig}: every key has a default but the node
 * address and the key file; an unknown key is refused (a typo must not silently fall back to a
 * default). Relative paths are taken from the file's folder. The node's token may come from the
 * environment variable {@value #TOKEN_ENV} instead of the file.
 */
public final class GatewayConfigLoader {

  public static final String TOKEN_ENV = "TANGLE_GATEWAY_NODE_TOKEN";

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "gateway", Set.of("id", "dataDir", "keyFile", "batchInterval", "maxBatchReadings"),
          "node", Set.of("url", "token", "reissueAfter"),
          "mqtt", Set.of("enabled", "broker", "topic", "clientId"),
          "http",
              Set.of(
                  "bindHost",
                  "port",
                  "maxBodyBytes",
                  "maxReadingsPerRequest",
                  "maxReadingsPerSecond",
                  "token"),
          "store", Set.of("queueCapacity", "maxGroupReadings"),
          "coldChain", Set.of("rules"));

  private static final Set<String> RULE_KEYS =
      Set.of("trail", "devices", "min", "max", "unit", "minDuration");

  private final Map<String, String> env;

  public GatewayConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public GatewayConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, base);
  }

  GatewayConfig parse(String text, Path base) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw new ConfigException("gateway configuration is not YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException("the gateway configuration is empty");
    }
    if (!root.isObject()) {
      throw new ConfigException("the gateway configuration is a map of sections");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String section = it.next();
      if (!KEYS.containsKey(section)) {
        throw new ConfigException(section + ": unknown section (known: " + KEYS.keySet() + ")");
      }
      JsonNode node = root.get(section);
      if (!node.isObject()) {
        throw new ConfigException(section + ": a map of settings");
      }
      for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!KEYS.get(section).contains(key)) {
          throw new ConfigException(section + "." + key + ": unknown setting");
        }
      }
    }
    JsonNode gw = root.path("gateway");
    String id = text(gw, "gateway.id", "gateway-1");
    GatewayConfig.BatchLimits batch =
        new GatewayConfig.BatchLimits(
            duration(gw, "gateway.batchInterval", GatewayConfig.BatchLimits.DEFAULT_INTERVAL),
            integer(
                gw, "gateway.maxBatchReadings", GatewayConfig.BatchLimits.DEFAULT_MAX_READINGS));
    JsonNode n = root.path("node");
    String url = text(n, "node.url", null);
    if (url == null) {
      throw new ConfigException("node.url: the node's API address is required");
    }
    Optional<String> token =
        Optional.ofNullable(text(n, "node.token", env.get(TOKEN_ENV))).filter(t -> !t.isBlank());
    GatewayConfig.NodeLink node =
        new GatewayConfig.NodeLink(
            uri(url), token, duration(n, "node.reissueAfter", Duration.ofSeconds(30)));
    JsonNode m = root.path("mqtt");
    Optional<GatewayConfig.Mqtt> mqtt = Optional.empty();
    boolean mqttWanted = bool(m, "mqtt.enabled", m.has("broker"));
    if (mqttWanted) {
      mqtt =
          Optional.of(
              new GatewayConfig.Mqtt(
                  text(m, "mqtt.broker", "tcp://127.0.0.1:1883"),
                  text(m, "mqtt.topic", GatewayConfig.Mqtt.DEFAULT_TOPIC),
                  text(m, "mqtt.clientId", "tangle-gateway-" + id)));
    }
    JsonNode h = root.path("http");
    GatewayConfig.Http http =
        new GatewayConfig.Http(
            text(h, "http.bindHost", "127.0.0.1"),
            integer(h, "http.port", 8090),
            integer(h, "http.maxBodyBytes", 4 << 20),
            integer(h, "http.maxReadingsPerRequest", 10_000),
            integer(h, "http.maxReadingsPerSecond", 50_000),
            Optional.ofNullable(text(h, "http.token", null)).filter(t -> !t.isBlank()));
    JsonNode s = root.path("store");
    GatewayConfig.Store store =
        new GatewayConfig.Store(
            integer(s, "store.queueCapacity", 4096), integer(s, "store.maxGroupReadings", 16_384));
    String keyFile = text(gw, "gateway.keyFile", null);
    if (keyFile == null) {
      throw new ConfigException("gateway.keyFile: the gateway's key file is required");
    }
    return new GatewayConfig(
        id,
        base.resolve(text(gw, "gateway.dataDir", "gateway-data")),
        base.resolve(keyFile),
        batch,
        node,
        mqtt,
        http,
        store,
        rules(root.path("coldChain").path("rules")));
  }

  private static List<GatewayConfig.ColdChainRuleConfig> rules(JsonNode rules) {
    List<GatewayConfig.ColdChainRuleConfig> out = new ArrayList<>();
    if (rules.isMissingNode() || rules.isNull()) {
      return out;
    }
    if (!rules.isArray()) {
      throw new ConfigException("coldChain.rules: a list of rules");
    }
    for (JsonNode rule : rules) {
      for (Iterator<String> keys = rule.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!RULE_KEYS.contains(key)) {
          throw new ConfigException("coldChain.rules." + key + ": unknown setting");
        }
      }
      List<String> devices = new ArrayList<>();
      rule.path("devices").forEach(d -> devices.add(d.asText()));
      out.add(
          new GatewayConfig.ColdChainRuleConfig(
              text(rule, "coldChain.rules.trail", null),
              devices,
              decimal(rule, "coldChain.rules.min"),
              decimal(rule, "coldChain.rules.max"),
              text(rule, "coldChain.rules.unit", "Cel"),
              duration(rule, "coldChain.rules.minDuration", Duration.ZERO)));
    }
    return out;
  }

  private static String decimal(JsonNode node, String key) {
    JsonNode value = node.path(last(key));
    if (value.isMissingNode() || value.isNull()) {
      throw new ConfigException(key + ": required");
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode value = node.path(last(key));
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isValueNode()) {
      throw new ConfigException(key + ": a single value");
    }
    return value.asText();
  }

  private static int integer(JsonNode node, String key, int fallback) {
    JsonNode value = node.path(last(key));
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new ConfigException(key + ": a whole number, not " + value);
    }
    return value.intValue();
  }

  private static boolean bool(JsonNode node, String key, boolean fallback) {
    JsonNode value = node.path(last(key));
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new ConfigException(key + ": true or false, not " + value);
    }
    return value.booleanValue();
  }

  /**
   * A duration: a number of milliseconds, or a number with {@code ms}, {@code s}, {@code m}, {@code
   * h}.
   */
  static Duration duration(JsonNode node, String key, Duration fallback) {
    JsonNode value = node.path(last(key));
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.asText().trim());
    if (!m.matches()) {
      throw new ConfigException(key + ": a duration such as 5s, 500ms or 5000, not " + value);
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofMillis(amount);
    };
  }

  private static URI uri(String text) {
    try {
      URI uri = URI.create(text);
      return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/") : uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("node.url: not an address: " + text, e);
    }
  }

  private static String last(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }
}
