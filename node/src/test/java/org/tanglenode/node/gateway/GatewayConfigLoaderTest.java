package org.tanglenode.node.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanglenode.node.config.ConfigException;

class GatewayConfigLoaderTest {

  private static final Path BASE = Path.of("/srv/gw");

  private static GatewayConfig parse(String yaml, Map<String, String> env) {
    return new GatewayConfigLoader(env).parse(yaml, BASE);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    GatewayConfig c =
        parse("gateway:\n  keyFile: gw.key\nnode:\n  url: http://127.0.0.1:14265\n", Map.of());
    assertThat(c.id()).isEqualTo("gateway-1");
    assertThat(c.dataDir()).isEqualTo(BASE.resolve("gateway-data"));
    assertThat(c.keyFile()).isEqualTo(BASE.resolve("gw.key"));
    assertThat(c.batch().interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.batch().maxReadings()).isEqualTo(8192);
    assertThat(c.mqtt()).isEmpty();
    assertThat(c.http().bindHost()).isEqualTo("127.0.0.1");
    assertThat(c.http().port()).isEqualTo(8090);
    assertThat(c.node().token()).isEmpty();
    assertThat(c.rules()).isEmpty();
  }

  @Test
  void everySectionIsRead() {
    GatewayConfig c =
        parse(
            String.join(
                "\n",
                "gateway: {id: gw-east, keyFile: k, batchInterval: 250ms, maxBatchReadings: 100}",
                "node: {url: 'http://n:1', reissueAfter: 2m}",
                "mqtt: {broker: 'tcp://b:1883'}",
                "http: {port: 0, maxBodyBytes: 2048, maxReadingsPerRequest: 5,"
                    + " maxReadingsPerSecond: 0, token: t}",
                "store: {queueCapacity: 3, maxGroupReadings: 7}",
                "coldChain:",
                "  rules:",
                "    - {trail: shipment-4711, devices: [a, b], min: 2, max: 8.5, minDuration: 1m}",
                ""),
            Map.of(GatewayConfigLoader.TOKEN_ENV, "from-env"));
    assertThat(c.batch().interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.node().reissueAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.node().token()).contains("from-env");
    assertThat(c.mqtt().orElseThrow().topic()).isEqualTo("tangle/readings/#");
    assertThat(c.mqtt().orElseThrow().clientId()).isEqualTo("tangle-gateway-gw-east");
    assertThat(c.http().token()).contains("t");
    assertThat(c.store().maxGroupReadings()).isEqualTo(7);
    GatewayConfig.ColdChainRuleConfig rule = c.rules().get(0);
    assertThat(rule.devices()).containsExactly("a", "b");
    assertThat(rule.min()).isEqualTo("2");
    assertThat(rule.max()).isEqualTo("8.5");
    assertThat(rule.unit()).isEqualTo("Cel");
    assertThat(rule.minDuration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void mistakesAreRefusedByName() {
    String ok = "gateway: {keyFile: k}\nnode: {url: 'http://n:1'}\n";
    assertThatThrownBy(() -> parse(ok + "gateway2: {}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gateway2");
    assertThatThrownBy(
            () ->
                parse(
                    "gateway: {keyFile: k, batchIntervall: 5s}\nnode: {url: 'http://n:1'}\n",
                    Map.of()))
        .hasMessageContaining("gateway.batchIntervall");
    assertThatThrownBy(() -> parse("gateway: {keyFile: k}\n", Map.of()))
        .hasMessageContaining("node.url");
    assertThatThrownBy(() -> parse(ok.replace("k}", "k, maxBatchReadings: 0}"), Map.of()))
        .hasMessageContaining("gateway.maxBatchReadings");
    assertThatThrownBy(() -> parse(ok.replace("k}", "k, batchInterval: soon}"), Map.of()))
        .hasMessageContaining("gateway.batchInterval");
    assertThatThrownBy(() -> parse(ok + "http: {maxBodyBytes: 10}\n", Map.of()))
        .hasMessageContaining("http.maxBodyBytes");
  }

  @Test
  void theRateLimitRefillsAtItsRate() {
    RateLimit limit = new RateLimit(1000, 0);
    assertThat(limit.take(1000, 0)).isTrue();
    assertThat(limit.take(1, 0)).isFalse();
    assertThat(limit.take(500, 500_000_000L)).isTrue();
    assertThat(limit.take(1, 500_000_000L)).isFalse();
    assertThat(new RateLimit(0, 0).take(1_000_000, 0)).isTrue();
  }
}
