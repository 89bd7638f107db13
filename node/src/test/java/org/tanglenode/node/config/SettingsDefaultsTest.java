package org.tanglenode.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.consensus.tipselection.MilestoneParents;
import org.tanglenode.consensus.tipselection.TipPoolConfig;
import org.tanglenode.consensus.trust.DeferredMilestones;
import org.tanglenode.gossip.GossipConfig;
import org.tanglenode.storage.StorageConfig;

/**
 * Each setting has one default and one set of rules: a bad value is refused by the loader (naming
 * the key, and the variable when it came from one), never later by the service it configures, and
 * the defaults the node writes down are those of the module they configure.
 */
class SettingsDefaultsTest {

  @TempDir Path dir;

  private NodeConfig parse(String yaml) {
    return new ConfigLoader(Map.of()).parse(yaml, dir, "node.yaml");
  }

  @Test
  void aGossipByteRateBelowOneFrameIsRefusedAtLoadNamingTheKey() {
    assertThatThrownBy(() -> parse("gossip:\n  maxBytesPerSecond: 2048\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("node.yaml")
        .hasMessageContaining("gossip.maxBytesPerSecond:");
  }

  @Test
  void aGossipValueFromTheEnvironmentThatGossipRefusesNamesTheVariable() {
    ConfigLoader loader = new ConfigLoader(Map.of("TANGLE_GOSSIP_MAX_BYTES_PER_SECOND", "2048"));

    assertThatThrownBy(() -> loader.parse("", dir, "node.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TANGLE_GOSSIP_MAX_BYTES_PER_SECOND")
        .hasMessageContaining("gossip.maxBytesPerSecond:");
  }

  @Test
  void anImpossibleValueFromTheEnvironmentNamesTheVariable() {
    ConfigLoader loader = new ConfigLoader(Map.of("TANGLE_API_PORT", "70000"));

    assertThatThrownBy(() -> loader.parse("", dir, "node.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TANGLE_API_PORT")
        .hasMessageContaining("api.port: must be 0 to 65535");
  }

  @Test
  void gossipRulesAreRefusedAtLoadNamingTheKey() {
    assertThatThrownBy(() -> parse("gossip:\n  maxFrameBytes: 100\n"))
        .hasMessageContaining("gossip.maxFrameBytes:");
    assertThatThrownBy(() -> parse("gossip:\n  maxFrameBytes: 4294967296\n"))
        .hasMessageContaining("gossip.maxFrameBytes:");
    assertThatThrownBy(() -> parse("gossip:\n  heartbeatIntervalMs: 0\n"))
        .hasMessageContaining("gossip.heartbeatIntervalMs:");
    assertThatThrownBy(() -> parse("gossip:\n  idleTimeoutMs: 1000\n"))
        .hasMessageContaining("gossip.idleTimeoutMs:");
    assertThatThrownBy(() -> parse("gossip:\n  maxMessagesPerSecond: 0\n"))
        .hasMessageContaining("gossip.maxMessagesPerSecond:");
    assertThatThrownBy(() -> parse("gossip:\n  maxPendingOffersPerPeer: 0\n"))
        .hasMessageContaining("gossip.maxPendingOffersPerPeer:");
    assertThatThrownBy(() -> parse("gossip:\n  bindHost: ' '\n"))
        .hasMessageContaining("gossip.bindHost:");
  }

  @Test
  void everyDefaultPassesItsOwnValidationAndIsTheValueLoaded() {
    ObjectMapper json = new ObjectMapper();
    for (Setting setting : Settings.ALL) {
      ConfigLoader loader = new ConfigLoader(Map.of(setting.env(), setting.defaultValue()));

      JsonNode loaded = json.valueToTree(loader.parse("", dir, "node.yaml"));

      for (String part : setting.path()) {
        loaded = loaded.get(part);
        assertThat(loaded).as(setting.key()).isNotNull();
      }
      String written =
          loaded.isArray()
              ? String.join(",", json.convertValue(loaded, String[].class))
              : loaded.asText();
      assertThat(written).as(setting.key()).isEqualTo(setting.defaultValue());
    }
  }

  @Test
  void theNodesGossipDefaultsAreGossipsOwn() {
    GossipConfig loaded = parse("").gossip().toGossipConfig(dir::resolve);

    assertThat(loaded).isEqualTo(GossipConfig.defaults());
  }

  @Test
  void theNodesTipPoolAndConeDefaultsAreConsensusOwn() {
    NodeConfig config = parse("");

    assertThat(new TipPoolConfig(config.tips().maxTracked(), config.tips().maxDepth()))
        .isEqualTo(TipPoolConfig.DEFAULT);
    assertThat(config.coordinator().maxConeTransactions())
        .isEqualTo(MilestoneParents.DEFAULT_MAX_CONE);
    assertThat(config.ingest().deferredMilestones()).isEqualTo(DeferredMilestones.DEFAULT_CAPACITY);
  }

  @Test
  void theNodesStorageDefaultsAreStoragesOwn() {
    assertThat(parse("").storage().toStorageConfig(dir)).isEqualTo(StorageConfig.defaults(dir));
  }
}
