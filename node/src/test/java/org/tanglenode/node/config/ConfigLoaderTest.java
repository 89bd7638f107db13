package org.tanglenode.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.storage.Durability;

class ConfigLoaderTest {

  @TempDir Path dir;

  private NodeConfig parse(String yaml) {
    return new ConfigLoader(Map.of()).parse(yaml, dir, "node.yaml");
  }

  @Test
  void anEmptyFileGivesEveryDefault() {
    NodeConfig config = parse("");

    assertThat(config.api().port()).isEqualTo(14265);
    assertThat(config.api().bindHost()).isEqualTo("127.0.0.1");
    assertThat(config.gossip().port()).isEqualTo(15600);
    assertThat(config.ingest().queueCapacity()).isEqualTo(10_000);
    assertThat(config.ingest().issuerKeyCache()).isEqualTo(4096);
    assertThat(config.logging().format()).isEqualTo("text");
    assertThat(config.databasePath()).isEqualTo(dir.resolve("data/db"));
    assertThat(config.storage().toStorageConfig(dir).durability())
        .isEqualTo(Durability.syncEveryGroup());
  }

  @Test
  void valuesFromTheFileAndPathsRelativeToIt() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "dataDir: /var/lib/tangle",
            "genesisFile: net/genesis.json",
            "api:",
            "  port: 8080",
            "  writeToken: abcdefghijklmnop",
            "gossip:",
            "  peers: [10.0.0.5:15600, 'node-b:15601']",
            "storage:",
            "  durability: periodic",
            "  syncIntervalMs: 200",
            "logging:",
            "  format: json"));

    NodeConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.api().port()).isEqualTo(8080);
    assertThat(config.api().writeToken()).isEqualTo("abcdefghijklmnop");
    assertThat(config.gossip().peers()).containsExactly("10.0.0.5:15600", "node-b:15601");
    assertThat(config.dataPath()).isEqualTo(Path.of("/var/lib/tangle"));
    assertThat(config.genesisPath()).isEqualTo(dir.resolve("net/genesis.json"));
    assertThat(config.logging().json()).isTrue();
    assertThat(config.storage().toStorageConfig(dir).durability().mode())
        .isEqualTo(Durability.Mode.SYNC_PERIODICALLY);
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    ConfigLoader loader =
        new ConfigLoader(
            Map.of(
                "TANGLE_API_PORT", "9000",
                "TANGLE_GOSSIP_PEERS", "a:1, b:2",
                "TANGLE_API_READ_PROTECTED", "true",
                "TANGLE_STORAGE_WRITE_QUEUE_CAPACITY", "77"));

    NodeConfig config = loader.parse("api:\n  port: 8080\n", dir, "node.yaml");

    assertThat(config.api().port()).isEqualTo(9000);
    assertThat(config.gossip().peers()).containsExactly("a:1", "b:2");
    assertThat(config.api().readProtected()).isTrue();
    assertThat(config.storage().writeQueueCapacity()).isEqualTo(77);
  }

  @Test
  void anUnknownKeyStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> parse("api:\n  prot: 8080\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("node.yaml")
        .hasMessageContaining("unknown key 'api.prot'");
    assertThatThrownBy(() -> parse("colour: blue\n")).hasMessageContaining("unknown key 'colour'");
    assertThatThrownBy(() -> parse("api: 8080\n")).hasMessageContaining("api: is a section");
  }

  @Test
  void aWrongTypeStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> parse("api:\n  port: abc\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api.port: must be a whole number");
    assertThatThrownBy(() -> parse("api:\n  readProtected: 1\n"))
        .hasMessageContaining("api.readProtected: must be true or false");
    assertThatThrownBy(() -> parse("gossip:\n  peers: a:1\n"))
        .hasMessageContaining("gossip.peers: must be a list");
    assertThatThrownBy(() -> parse("logging:\n  format: xml\n"))
        .hasMessageContaining("logging.format: must be one of [text, json]");
    assertThatThrownBy(() -> parse("api:\n  port: 99999999999\n"))
        .hasMessageContaining("api.port: must be a whole number");
  }

  @Test
  void theTipSelectorIsUniformOrWeightedAndAnythingElseStopsTheLoad() {
    assertThat(parse("").tips().selector()).isEqualTo("uniform");
    assertThat(parse("tips:\n  selector: weighted\n").tips().weighted()).isTrue();
    assertThatThrownBy(() -> parse("tips:\n  selector: random\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tips.selector: must be one of [uniform, weighted]");
    assertThatThrownBy(() -> new TipsConfig(100, 15, 2, "walk"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tips.selector");
  }

  @Test
  void anImpossibleValueStopsTheStartNamingTheKey() {
    assertThatThrownBy(() -> parse("api:\n  port: 70000\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("api.port: must be 0 to 65535");
    assertThatThrownBy(() -> parse("gossip:\n  peers: [nonsense]\n"))
        .hasMessageContaining("gossip.peers: 'nonsense' is not valid");
    assertThatThrownBy(() -> parse("api:\n  writeToken: short\n"))
        .hasMessageContaining("api.writeToken");
    assertThatThrownBy(() -> parse("storage:\n  maxGroupDelayMs: 5000\n"))
        .hasMessageContaining("storage.maxGroupDelayMs");
    assertThatThrownBy(() -> parse("gossip:\n  allowListEnabled: true\n"))
        .hasMessageContaining("gossip.allowList");
    assertThatThrownBy(() -> parse("storage:\n  pruneKeepMilestones: 5\n"))
        .hasMessageContaining("storage.pruneKeepMilestones: must be 0 (off) or at least 100");
    assertThatThrownBy(() -> parse("ingest:\n  issuerKeyCache: -1\n"))
        .hasMessageContaining("ingest.issuerKeyCache: must be 0 (off) to 1048576, not -1");
  }

  @Test
  void aBadEnvironmentValueNamesTheVariable() {
    ConfigLoader loader = new ConfigLoader(Map.of("TANGLE_API_PORT", "eighty"));

    assertThatThrownBy(() -> loader.parse("", dir, "node.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("TANGLE_API_PORT")
        .hasMessageContaining("api.port");
  }

  @Test
  void aMissingFileOrBadYamlIsReported() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("absent.yaml")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> parse("api: [\n")).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> parse("- a\n- b\n")).hasMessageContaining("top level");
  }

  @Test
  void environmentNamesFollowTheKeys() {
    assertThat(Settings.byKey("api.port").orElseThrow().env()).isEqualTo("TANGLE_API_PORT");
    assertThat(Settings.byKey("storage.writeQueueCapacity").orElseThrow().env())
        .isEqualTo("TANGLE_STORAGE_WRITE_QUEUE_CAPACITY");
    assertThat(Settings.byKey("dataDir").orElseThrow().env()).isEqualTo("TANGLE_DATA_DIR");
  }

  @Test
  void docsConfigurationListsEverySettingWithItsVariableAndDefault() throws Exception {
    Path docs = Path.of(System.getProperty("tangle.vectors.dir"), "..", "docs", "configuration.md");
    String text = Files.readString(docs);

    for (Setting setting : Settings.ALL) {
      String row =
          "| `"
              + setting.key()
              + "` | `"
              + setting.env()
              + "` | "
              + (setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`")
              + " |";
      assertThat(text).as(setting.key()).contains(row);
    }
  }
}
