package org.tanglenode.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.cli.CliRunner;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.GenesisFile;
import org.tanglenode.protocol.receipt.HistoryVerdict;
import org.tanglenode.protocol.receipt.HistoryVerifier;
import org.tanglenode.protocol.trust.GenesisTrust;

/**
 * A coordinator and an office node on loopback; {@code tangle anchor} through the office node
 * records a document's hashes and waits for a milestone to confirm them; the receipt is fetched
 * through the CLI and the API, the node is closed and its folder deleted, and the receipt is
 * verified with nothing but the genesis file (and the document), in this JVM and in a JVM of its
 * own started in a folder that holds only those files; each tampered part is refused. Before the
 * node closes, the history between the confirming milestone and a later one is checked against the
 * milestone kept in the receipt.
 */
class ReceiptEndToEndTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path dir;

  @Test
  void aReceiptFromANodeVerifiesOfflineWithOnlyTheGenesisAfterTheNodeIsGone() throws IOException {
    Path nodeDir = Files.createDirectories(dir.resolve("node"));
    Path auditor = Files.createDirectories(dir.resolve("auditor"));
    Path document = auditor.resolve("delivery-note.txt");
    Files.writeString(document, "Delivery note 4711: 40 boxes of water purification tablets\n");
    TestNodes nodes = new TestNodes(nodeDir, fastMilestones());
    Path genesis = auditor.resolve("genesis.json");
    Files.copy(nodeDir.resolve("genesis.json"), genesis);
    Path receipt = auditor.resolve("receipt.json");
    String id;

    try (Node coordinator = nodes.start("coordinator", List.of(), nodes.coordinatorYaml());
        Node office =
            nodes.start(
                "office", List.of("127.0.0.1:" + coordinator.gossipAddress().getPort()), "")) {
      // Everything goes through the office node, which issues no milestones of its own: the
      // receipt is made by a peer from what gossip brought it.
      Http api = new Http(office.apiAddress().orElseThrow());
      String apiUrl = api.base().toString();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> assertThat(api.get("/api/v1/info").json().path("peers").asInt()).isOne());
      // A record confirmed first, so that the anchor's leaf has a sibling and its path hashes.
      String first = submit(api, "loaded at the warehouse");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(metadata(api, first).path("confirmed").asBoolean()).isTrue());
      Path key = dir.resolve("ngo.key");
      KeyFile.write(key, TestNetwork.key(42));
      CliRunner.Result anchored =
          CliRunner.run(
              "anchor",
              document.toString(),
              "--key",
              key.toString(),
              "--tag",
              "shipment-4711",
              "--note",
              "delivery note",
              "--api",
              apiUrl,
              "--token",
              WRITE_TOKEN,
              "--wait",
              "20");
      assertThat(anchored.exitCode()).as(anchored.err()).isZero();
      id = field(anchored.out(), "id:");
      assertThat(field(anchored.out(), "confirmed:")).startsWith("by milestone");
      int index = metadata(api, id).path("referencedByMilestone").asInt();

      CliRunner.Result fetched =
          CliRunner.run("receipt", id, "--api", apiUrl, "--out", receipt.toString());
      assertThat(fetched.exitCode()).as(fetched.err()).isZero();
      Http.Answer viaApi = api.get("/api/v1/transactions/" + id + "/receipt");
      assertThat(viaApi.status()).isEqualTo(200);
      assertThat(viaApi.body()).isEqualTo(Files.readString(receipt));
      assertThat(api.get("/api/v1/transactions/" + "ab".repeat(32) + "/receipt").status())
          .isEqualTo(404);
      String milestoneId = api.get("/api/v1/milestones/" + index).json().path("id").asText();
      Http.Answer ofMilestone = api.get("/api/v1/transactions/" + milestoneId + "/receipt");
      assertThat(ofMilestone.status()).as(ofMilestone.toString()).isEqualTo(409);
      assertThat(ofMilestone.json().path("error").asText())
          .as("a milestone is not a leaf of the history")
          .isEqualTo("NOT_IN_HISTORY");

      // More history: a second record confirmed by a later milestone.
      String next = submit(api, "received in store");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> assertThat(metadata(api, next).path("confirmed").asBoolean()).isTrue());
      int later = metadata(api, next).path("referencedByMilestone").asInt();
      assertThat(later).isGreaterThan(index);
      CliRunner.Result history =
          CliRunner.run(
              "verify-history",
              "--api",
              apiUrl,
              "--from",
              Integer.toString(index),
              "--to",
              Integer.toString(later),
              "--genesis",
              genesis.toString(),
              "--kept",
              receipt.toString());
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out()).contains("history consistent", "matches milestone " + index);

      CliRunner.Result wrongKept =
          CliRunner.run(
              "verify-history",
              "--api",
              apiUrl,
              "--from",
              Integer.toString(index + 1),
              "--to",
              Integer.toString(later),
              "--genesis",
              genesis.toString(),
              "--kept",
              receipt.toString());
      assertThat(wrongKept.exitCode()).isEqualTo(1);
      assertThat(wrongKept.err()).contains("KEPT_MISMATCH");

      JsonNode proof = api.get("/api/v1/history/consistency?from=" + index + "&to=" + later).json();
      assertThat(verifyHistory(genesis, proof, false).isConsistent()).isTrue();
      HistoryVerdict tampered = verifyHistory(genesis, proof, true);
      assertThat(tampered).isInstanceOf(HistoryVerdict.Refused.class);
      assertThat(((HistoryVerdict.Refused) tampered).reason())
          .isEqualTo(HistoryVerdict.Reason.PROOF_REJECTED);
    }
    deleteTree(nodeDir);
    assertThat(nodeDir).doesNotExist();

    CliRunner.Result verified =
        CliRunner.run(
            "verify",
            receipt.toString(),
            "--genesis",
            genesis.toString(),
            "--file",
            document.toString());
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out())
        .contains(
            "receipt verified", "transaction:  " + id, "SHA-256:", "tag:          shipment-4711");

    // And in a JVM of its own, started in the auditor's folder: nothing but the three files.
    ProcessResult alone =
        runAlone(
            auditor,
            "verify",
            "receipt.json",
            "--genesis",
            "genesis.json",
            "--file",
            "delivery-note.txt");
    assertThat(alone.exitCode()).as(alone.output()).isZero();
    assertThat(alone.output()).contains("receipt verified", "transaction:  " + id);
    try (Stream<Path> left = Files.list(auditor)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("genesis.json", "receipt.json", "delivery-note.txt");
    }

    Path otherDocument = auditor.resolve("other-note.txt");
    Files.writeString(
        otherDocument, "Delivery note 4711: 41 boxes of water purification tablets\n");
    assertRefused(
        CliRunner.run(
            "verify",
            receipt.toString(),
            "--genesis",
            genesis.toString(),
            "--file",
            otherDocument.toString()),
        "FILE_MISMATCH");

    Path otherGenesis = auditor.resolve("other-genesis.json");
    Files.writeString(
        otherGenesis, Files.readString(genesis).replace("\"test-network\"", "\"test-netwark\""));
    assertRefused(
        CliRunner.run("verify", receipt.toString(), "--genesis", otherGenesis.toString()),
        "WRONG_NETWORK");

    byte[] bytes = Files.readAllBytes(receipt);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertRefused(
        verifyEdited(auditor, genesis, editHex(text, "transaction", 40)), "TRANSACTION_INVALID");
    int path = text.indexOf("\"path\": [\n    \"") + 15;
    assertThat(text.charAt(path - 1)).as("the path has a hash").isEqualTo('"');
    String pathEdited =
        text.substring(0, path) + (text.charAt(path) == '0' ? '1' : '0') + text.substring(path + 1);
    assertRefused(verifyEdited(auditor, genesis, pathEdited), "PATH_MISMATCH");
    String leafEdited = text.replaceFirst("\"leafIndex\": (\\d+),", "\"leafIndex\": 1$1,");
    assertRefused(verifyEdited(auditor, genesis, leafEdited), "PATH_MISMATCH");
    assertRefused(
        verifyEdited(auditor, genesis, editHex(text, "milestone", 40)), "MILESTONE_INVALID");
    // The milestone's last bytes are its last cosignature (the coordinator cosigns with the other
    // committee keys).
    assertRefused(
        verifyEdited(auditor, genesis, editHex(text, "milestone", -1)), "MILESTONE_INVALID");
    assertRefused(
        verifyEdited(auditor, genesis, text.replace("\"path\": [", "\"path\":  [")),
        "NOT_CANONICAL");
    List<String> refusedAt = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += 97) {
      byte[] changed = bytes.clone();
      changed[i] ^= 0x01;
      Path file = auditor.resolve("changed.json");
      Files.write(file, changed);
      CliRunner.Result result =
          CliRunner.run("verify", file.toString(), "--genesis", genesis.toString());
      if (result.exitCode() != 0) {
        refusedAt.add(Integer.toString(i));
      }
    }
    assertThat(refusedAt).hasSize((bytes.length + 96) / 97);
  }

  private record ProcessResult(int exitCode, String output) {}

  /** Runs the tangle command line in a new JVM (this test's class path) in {@code folder}. */
  private static ProcessResult runAlone(Path folder, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.tanglenode.node.cli.TangleCommand");
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return new ProcessResult(process.waitFor(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  private static Genesis fastMilestones() {
    Genesis base = TestNetwork.genesis(4);
    return base.withMilestoneIntervalMs(300);
  }

  private static HistoryVerdict verifyHistory(Path genesis, JsonNode answer, boolean tamper) {
    List<byte[]> hashes = new ArrayList<>();
    for (JsonNode hash : answer.path("proof")) {
      hashes.add(HEX.parseHex(hash.asText()));
    }
    if (tamper) {
      hashes.get(0)[0] ^= 1;
    }
    return new HistoryVerifier(new GenesisTrust(GenesisFile.read(genesis)))
        .verify(
            Optional.empty(),
            HEX.parseHex(answer.path("from").path("transaction").asText()),
            HEX.parseHex(answer.path("to").path("transaction").asText()),
            hashes);
  }

  private static CliRunner.Result verifyEdited(Path folder, Path genesis, String receipt)
      throws IOException {
    Path file = folder.resolve("edited.json");
    Files.writeString(file, receipt);
    return CliRunner.run("verify", file.toString(), "--genesis", genesis.toString());
  }

  private static void assertRefused(CliRunner.Result result, String reason) {
    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.err()).contains("receipt refused: " + reason);
  }

  /**
   * The receipt with byte {@code index} (negative: from the end) of the hex field {@code key}
   * increased by one.
   */
  private static String editHex(String file, String key, int index) {
    int start = file.indexOf("\"" + key + "\": \"") + key.length() + 5;
    int end = file.indexOf('"', start);
    byte[] bytes = HEX.parseHex(file.substring(start, end));
    int at = index < 0 ? bytes.length + index : index;
    bytes[at] = (byte) (bytes[at] + 1);
    return file.substring(0, start) + HEX.formatHex(bytes) + file.substring(end);
  }

  /** The value after {@code label} on its line of {@code out}. */
  private static String field(String out, String label) {
    for (String line : out.split("\n")) {
      if (line.startsWith(label)) {
        return line.substring(label.length()).trim();
      }
    }
    throw new AssertionError("no line starting with '" + label + "' in:\n" + out);
  }

  private static String submit(Http api, String text) {
    Http.Answer made =
        api.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "shipment-4711", "data", text)),
            WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  private static JsonNode metadata(Http api, String id) {
    return api.get("/api/v1/transactions/" + id + "/metadata").json();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
