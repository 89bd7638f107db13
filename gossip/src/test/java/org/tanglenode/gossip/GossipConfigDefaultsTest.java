package org.tanglenode.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The defaults of {@link GossipConfig} are the ones docs/gossip.md shows, and pass its rules. */
class GossipConfigDefaultsTest {

  @Test
  void docsGossipListsEveryComponentWithTheBuildersDefault() throws Exception {
    Map<String, String> documented = documentedDefaults();
    GossipConfig defaults = GossipConfig.defaults();

    Map<String, String> actual = new LinkedHashMap<>();
    for (var component : GossipConfig.class.getRecordComponents()) {
      actual.put(component.getName(), written(component.getAccessor().invoke(defaults)));
    }

    assertThat(documented).containsExactlyEntriesOf(actual);
  }

  @Test
  void refusalsNameTheComponent() {
    assertThatThrownBy(() -> GossipConfig.builder().maxBytesPerSecond(2048).build())
        .isInstanceOfSatisfying(
            InvalidGossipConfigException.class,
            e -> assertThat(e.setting()).isEqualTo("maxBytesPerSecond"))
        .hasMessageContaining("maxFrameBytes + 4 = 65540");
    assertThatThrownBy(() -> GossipConfig.builder().banDuration(Duration.ZERO).build())
        .isInstanceOfSatisfying(
            InvalidGossipConfigException.class,
            e -> assertThat(e.setting()).isEqualTo("banDuration"));
    assertThatThrownBy(() -> GossipConfig.builder().scoreDecayPerMinute(-1).build())
        .isInstanceOfSatisfying(
            InvalidGossipConfigException.class,
            e -> assertThat(e.problem()).isEqualTo("must not be negative, not -1"));
    assertThatThrownBy(() -> GossipConfig.builder().heartbeatInterval(Duration.ofMillis(5)).build())
        .isInstanceOfSatisfying(
            InvalidGossipConfigException.class,
            e -> assertThat(e.setting()).isEqualTo("heartbeatInterval"));
  }

  /** The table of section 7: component name to the default column. */
  private static Map<String, String> documentedDefaults() throws Exception {
    Path docs = Path.of(System.getProperty("tangle.vectors.dir"), "..", "docs", "gossip.md");
    List<String> lines = Files.readAllLines(docs);
    int header = lines.indexOf("| setting (`GossipConfig`) | default | unit / meaning |");
    assertThat(header).as("the defaults table of docs/gossip.md").isNotNegative();
    return lines.subList(header + 2, lines.size()).stream()
        .takeWhile(line -> line.startsWith("|"))
        .map(line -> Arrays.stream(line.split("\\|")).map(String::trim).toList())
        .collect(
            Collectors.toMap(
                cells -> cells.get(1).replace("`", ""),
                cells -> fromDocs(cells.get(2).replace("`", "")),
                (a, b) -> a,
                LinkedHashMap::new));
  }

  /** A default in one spelling: durations ISO-8601, byte sizes as a number. */
  private static String written(Object value) {
    if (value instanceof List<?> list && list.isEmpty()) {
      return "none";
    }
    if (value == AllowList.ANY) {
      return "ANY";
    }
    if (value == TlsConfig.DISABLED) {
      return "disabled";
    }
    return String.valueOf(value);
  }

  /** A cell of the table in the spelling of {@link #written}: "5 s", "32 MiB", "0.2". */
  private static String fromDocs(String cell) {
    String[] parts = cell.split(" ");
    if (parts.length != 2) {
      return cell;
    }
    long n = Long.parseLong(parts[0]);
    return switch (parts[1]) {
      case "ms" -> Duration.ofMillis(n).toString();
      case "s" -> Duration.ofSeconds(n).toString();
      case "min" -> Duration.ofMinutes(n).toString();
      case "KiB" -> String.valueOf(n << 10);
      case "MiB" -> String.valueOf(n << 20);
      default -> cell;
    };
  }
}
