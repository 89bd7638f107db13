package org.tanglenode.node.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.node.config.ConfigException;

/**
 * The configuration of {@code tangle gateway} (docs/configuration.md, section "Gateway"), read by
 * {@link GatewayConfigLoader} from {@code gateway.yaml}. Every limit is explicit here.
 *
 * @param id the gateway's id: the batch records' {@code gateway} and the tag {@code sensors:<id>}
 * @param dataDir the gateway's own database folder
 * @param keyFile the gateway's issuer key, which signs batch and excursion transactions
 * @param batch when a batch closes
 * @param node the node the gateway anchors through
 * @param mqtt the broker it subscribes to (absent: no MQTT)
 * @param http its HTTP listener
 * @param store its writer's queue and group size
 * @param rules cold-chain rules, one per shipment trail
 */
public record GatewayConfig(
    String id,
    Path dataDir,
    Path keyFile,
    BatchLimits batch,
    NodeLink node,
    Optional<Mqtt> mqtt,
    Http http,
    Store store,
    List<ColdChainRuleConfig> rules) {

  public GatewayConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(store, "store");
    rules = List.copyOf(rules);
  }

  /**
   * A batch closes {@code interval} after the previous one closed if it holds a reading, or at once
   * when it holds {@code maxReadings}.
   */
  public record BatchLimits(Duration interval, int maxReadings) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_READINGS = 8192;

    public BatchLimits {
      check(
          interval.toMillis() >= 10 && interval.toHours() < 24,
          "gateway.batchInterval",
          "from 10 ms to 24 h, not " + interval);
      check(
          maxReadings >= 1 && maxReadings <= 1 << 20,
          "gateway.maxBatchReadings",
          "from 1 to 1048576, not " + maxReadings);
    }
  }

  /**
   * @param url the node's API base, such as {@code http://127.0.0.1:14265}
   * @param token its write token, if it asks for one
   * @param reissueAfter a batch transaction still not confirmed this long after the node stored it
   *     is re-issued with fresh parents (the same batch, a new transaction)
   */
  public record NodeLink(URI url, Optional<String> token, Duration reissueAfter) {
    public NodeLink {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(token, "token");
      check(
          "http".equals(url.getScheme()) || "https".equals(url.getScheme()),
          "node.url",
          "an http:// or https:// address, not " + url);
      check(reissueAfter.toSeconds() >= 1, "node.reissueAfter", "at least 1 s");
    }
  }

  /**
   * @param broker such as {@code tcp://127.0.0.1:1883}
   * @param topic the topic filter subscribed to at QoS 1
   * @param clientId the gateway's MQTT client id: its persistent session at the broker
   */
  public record Mqtt(String broker, String topic, String clientId) {
    public static final String DEFAULT_TOPIC = "tangle/readings/#";

    public Mqtt {
      check(
          broker != null && (broker.startsWith("tcp://") || broker.startsWith("ssl://")),
          "mqtt.broker",
          "a tcp:// or ssl:// address, not " + broker);
      check(topic != null && !topic.isBlank(), "mqtt.topic", "a topic filter");
      check(
          clientId != null && !clientId.isEmpty() && clientId.length() <= 64,
          "mqtt.clientId",
          "1 to 64 characters");
    }
  }

  /**
   * @param bindHost the address to listen on ({@code 127.0.0.1} by default: put a proxy with TLS in
   *     front to serve other machines)
   * @param port the port, 0 for any free one
   * @param maxBodyBytes the largest request body; larger is refused with 413
   * @param maxReadingsPerRequest the most readings in one {@code POST /readings}
   * @param maxReadingsPerSecond readings accepted per second over HTTP, all clients together; more
   *     is refused with 429 (0: no limit)
   * @param token if present, {@code POST /readings} needs {@code Authorization: Bearer TOKEN}
   */
  public record Http(
      String bindHost,
      int port,
      int maxBodyBytes,
      int maxReadingsPerRequest,
      int maxReadingsPerSecond,
      Optional<String> token) {
    public Http {
      check(bindHost != null && !bindHost.isBlank(), "http.bindHost", "an address");
      check(port >= 0 && port <= 65535, "http.port", "0 to 65535, not " + port);
      check(
          maxBodyBytes >= 1024 && maxBodyBytes <= 64 << 20,
          "http.maxBodyBytes",
          "1 KiB to 64 MiB, not " + maxBodyBytes);
      check(
          maxReadingsPerRequest >= 1 && maxReadingsPerRequest <= 100_000,
          "http.maxReadingsPerRequest",
          "1 to 100000, not " + maxReadingsPerRequest);
      check(maxReadingsPerSecond >= 0, "http.maxReadingsPerSecond", "0 (no limit) or more");
      Objects.requireNonNull(token, "token");
    }
  }

  /**
   * @param queueCapacity requests waiting for the writer; a full queue answers HTTP 503
   * @param maxGroupReadings readings written under one fsync
   */
  public record Store(int queueCapacity, int maxGroupReadings) {
    public Store {
      check(queueCapacity >= 1, "store.queueCapacity", "at least 1");
      check(maxGroupReadings >= 1, "store.maxGroupReadings", "at least 1");
    }
  }

  /**
   * A cold-chain rule as configured: readings of {@code devices} in {@code unit} must stay within
   * {@code min}..{@code max} (decimals as text); an excursion lasting at least {@code minDuration}
   * is appended to trail {@code trail}.
   */
  public record ColdChainRuleConfig(
      String trail,
      List<String> devices,
      String min,
      String max,
      String unit,
      Duration minDuration) {
    public ColdChainRuleConfig {
      devices = List.copyOf(devices);
      check(trail != null && !trail.isBlank(), "coldChain.rules.trail", "a trail id");
      check(!devices.isEmpty(), "coldChain.rules.devices", "at least one device id");
      rule(trail, devices, min, max, unit, minDuration);
    }

    /** The protocol's rule; refuses what it refuses (bounds, unit, trail id). */
    public org.tanglenode.protocol.sensor.ColdChainRule toRule() {
      return rule(trail, devices, min, max, unit, minDuration);
    }

    private static org.tanglenode.protocol.sensor.ColdChainRule rule(
        String trail,
        List<String> devices,
        String min,
        String max,
        String unit,
        Duration minDuration) {
      try {
        return org.tanglenode.protocol.sensor.ColdChainRule.between(
            trail, new java.util.TreeSet<>(devices), min, max, unit, minDuration);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("coldChain.rules (trail " + trail + "): " + e.getMessage(), e);
      }
    }
  }

  static void check(boolean condition, String key, String problem) {
    if (!condition) {
      throw new ConfigException(key + ": " + problem);
    }
  }
}
