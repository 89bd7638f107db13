package org.tanglenode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.node.config.NodeConfig;

/** A second node on the same data folder is refused, plainly; the first one keeps running. */
class SecondStartTest {

  @TempDir Path dir;

  @Test
  void aSecondNodeOnTheSameDataFolderIsRefused() {
    TestNodes nodes = new TestNodes(dir, 0);
    try (Node first = nodes.start("one", List.of(), "")) {
      NodeConfig same = nodes.config("one", List.of(), "");
      Node second = new Node(same, Clock.systemUTC(), new SplittableRandom(2));

      assertThatThrownBy(second::start)
          .isInstanceOf(NodeStartException.class)
          .hasMessageContaining("is in use by another running node");
      assertThat(second.runningParts()).isEmpty();
      assertThat(new Http(first.apiAddress().orElseThrow()).get("/health/ready").status())
          .isEqualTo(200);
    }
  }

  @Test
  void theNodeCommandExitsWithOneAndSaysWhy() {
    TestNodes nodes = new TestNodes(dir, 0);
    try (Node first = nodes.start("one", List.of(), "")) {
      Path config = nodes.configFile("one", List.of(), "");
      assertThat(first.runningParts()).contains("storage");

      CliRunner.Result run = CliRunner.run("node", "--config", config.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err())
          .contains("tangle: the data folder")
          .contains("in use by another running node");
    }
  }

  @Test
  void aBadConfigurationExitsWithOneNamingTheKey() {
    TestNodes nodes = new TestNodes(dir, 0);
    Path config = nodes.configFile("bad", List.of(), "logging:\n  colour: red\n");

    CliRunner.Result run = CliRunner.run("node", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown key 'logging.colour'");
  }
}
