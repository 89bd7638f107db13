package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.node.BuildInfo;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;

/** tangle info, submit and peers against a running node, and their exit codes. */
class ClientCommandsTest {

  @TempDir Path dir;

  @Test
  void infoSubmitAndPeersTalkToANode() throws Exception {
    try (Node node = new TestNodes(dir, 4).start("cli", List.of(), "")) {
      InetSocketAddress address = node.apiAddress().orElseThrow();
      String api = "http://127.0.0.1:" + address.getPort();

      CliRun info = CliRun.of("info", "--api", api);
      assertThat(info.exitCode()).as(info.err()).isZero();
      assertThat(info.field("network:")).startsWith("test-network");
      assertThat(info.field("node key:")).isEqualTo(node.nodeKey().toHex());
      BuildInfo build = BuildInfo.current();
      assertThat(info.field("version:"))
          .isEqualTo(build.version() + " (commit " + build.commit() + ")");

      CliRun json = CliRun.of("info", "--api", api, "--json");
      assertThat(new ObjectMapper().readTree(json.out()).path("nodeKey").asText())
          .isEqualTo(node.nodeKey().toHex());

      CliRun submit =
          CliRun.of(
              "submit",
              "--api",
              api,
              "--token",
              TestNodes.WRITE_TOKEN,
              "--tag",
              "lot-12",
              "--data",
              "delivered");
      assertThat(submit.exitCode()).as(submit.err()).isZero();
      assertThat(submit.field("status:")).isEqualTo("stored");
      assertThat(submit.field("id:")).hasSize(64);

      CliRun add =
          CliRun.of("peers", "add", "--api", api, "--token", TestNodes.ADMIN_TOKEN, "127.0.0.1:9");
      assertThat(add.exitCode()).as(add.err()).isZero();
      assertThat(add.out()).contains("127.0.0.1:9: added");
      CliRun list = CliRun.of("peers", "--api", api, "--token", TestNodes.ADMIN_TOKEN);
      assertThat(list.out()).contains("configured: 1").contains("127.0.0.1:9");
      CliRun remove =
          CliRun.of(
              "peers", "remove", "--api", api, "--token", TestNodes.ADMIN_TOKEN, "127.0.0.1:9");
      assertThat(remove.out()).contains("removed");
    }
  }

  @Test
  void aRefusalExitsWithOneAndAMissingNodeWithThree() {
    try (Node node = new TestNodes(dir, 0).start("cli2", List.of(), "")) {
      String api = "http://127.0.0.1:" + node.apiAddress().orElseThrow().getPort();

      CliRun refused =
          CliRun.of("submit", "--api", api, "--token", "wrong-token-0123456789", "--data", "x");
      assertThat(refused.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
      assertThat(refused.err()).contains("FORBIDDEN");
    }

    CliRun unreachable = CliRun.of("info", "--api", "http://127.0.0.1:1");
    assertThat(unreachable.exitCode()).isEqualTo(TangleCommand.EXIT_UNREACHABLE);
    assertThat(unreachable.err()).contains("no node answers at http://127.0.0.1:1");

    CliRun usage = CliRun.of("submit", "--api", "http://127.0.0.1:1");
    assertThat(usage.exitCode()).isEqualTo(TangleCommand.EXIT_USAGE);
  }
}
