package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.node.Http;
import org.tanglenode.node.liveness.LivenessNode;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionDecoder;
import org.tanglenode.protocol.ValidationResult;

/**
 * {@code --wait} re-issuing a record that can never be confirmed, against one real node with the
 * real coordinator (200 ms milestones, RocksDB in a temp folder): the first copy approves a parent
 * (given with {@code --parent}) that no one has, so it stays unsolid with {@code MISSING_PARENTS};
 * the command re-issues the same record with the node's tips and ends with that copy confirmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReissueTest {

  private static final Pattern REISSUED =
      Pattern.compile("reissued: +([0-9a-f]{64}) -> ([0-9a-f]{64}): (.*)");

  private Path dir;
  private LivenessNode node;
  private Http http;
  private Path key;

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    node = new LivenessNode(dir, 200, 1000);
    http = node.http();
    key = dir.resolve("writer.key");
    KeyFile.write(key, TestNetwork.key(1));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void anAnchorWhoseParentNeverArrivesIsReissuedAndTheCopyIsConfirmed() throws Exception {
    String absent = absentId();
    CliRun run =
        cli(
            "anchor",
            document("tender.pdf").toString(),
            "--key",
            key.toString(),
            "--note",
            "tender v3",
            "--parent",
            absent,
            "--wait",
            "30",
            "--reissue-after",
            "2");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher reissued = REISSUED.matcher(run.out());
    assertThat(reissued.find()).as(run.out()).isTrue();
    String first = reissued.group(1);
    String copy = reissued.group(2);
    assertThat(reissued.group(3)).startsWith("MISSING_PARENTS (missing " + absent + ")");
    assertThat(reissued.find()).as("one re-issue: " + run.out()).isFalse();
    assertThat(run.field("id:")).isEqualTo(copy);

    JsonNode firstMeta = metadata(first);
    assertThat(firstMeta.path("solid").asBoolean()).isFalse();
    assertThat(firstMeta.path("pending").path("reason").asText()).isEqualTo("MISSING_PARENTS");
    JsonNode copyMeta = metadata(copy);
    assertThat(copyMeta.path("confirmed").asBoolean()).isTrue();
    assertThat(run.field("confirmed:"))
        .isEqualTo("by milestone " + copyMeta.path("referencedByMilestone").asInt());
    // The same record under a new id: the same tag and data, other parents.
    Transaction a = stored(first);
    Transaction b = stored(copy);
    assertThat(((Payload.Data) b.payload()).data()).isEqualTo(((Payload.Data) a.payload()).data());
    assertThat(b.tag()).isEqualTo(a.tag());
    assertThat(b.issuer()).isEqualTo(a.issuer());
    assertThat(a.parents()).extracting(p -> p.toHex()).containsExactly(absent);
    assertThat(b.parents()).extracting(p -> p.toHex()).doesNotContain(absent);
  }

  @Test
  void aTrailEventIsReissuedWithItsSaltsKeptForTheCopy() throws Exception {
    Path salts = dir.resolve("salts.jsonl");
    CliRun run =
        cli(
            "trail",
            "append",
            "shipment-9",
            "--event",
            "dispatched",
            "--private-field",
            "recipient-ref=R-2291",
            "--salts",
            salts.toString(),
            "--key",
            key.toString(),
            "--parent",
            absentId(),
            "--wait",
            "30",
            "--reissue-after",
            "2",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out());
    JsonNode reissues = answer.path("reissued");
    assertThat(reissues).hasSize(1);
    String first = reissues.get(0).path("replaced").asText();
    String copy = reissues.get(0).path("by").asText();
    assertThat(reissues.get(0).path("reason").asText()).startsWith("MISSING_PARENTS");
    assertThat(answer.path("id").asText()).isEqualTo(copy);
    assertThat(metadata(copy).path("confirmed").asBoolean()).isTrue();
    assertThat(answer.path("confirmedByMilestone").asInt())
        .isEqualTo(metadata(copy).path("referencedByMilestone").asInt());
    String kept = Files.readString(salts);
    assertThat(kept).contains(first).contains(copy);

    CliRun proven =
        cli(
            "trail",
            "prove",
            "shipment-9",
            "--tx",
            copy,
            "--field",
            "recipient-ref",
            "--value",
            "R-2291",
            "--salts",
            salts.toString());
    assertThat(proven.exitCode()).as(proven.out() + proven.err()).isZero();
  }

  @Test
  void aRecordThatCanBeConfirmedIsNotReissued() throws Exception {
    CliRun run =
        cli(
            "anchor",
            document("plain.pdf").toString(),
            "--key",
            key.toString(),
            "--wait",
            "30",
            "--reissue-after",
            "1",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out());
    assertThat(answer.path("reissued")).isEmpty();
    String id = answer.path("id").asText();
    assertThat(metadata(id).path("confirmed").asBoolean()).isTrue();
    assertThat(answer.path("confirmedByMilestone").asInt())
        .isEqualTo(metadata(id).path("referencedByMilestone").asInt());
    assertThat(http.get("/api/v1/transactions/" + id + "/metadata").json().path("pending").isNull())
        .isTrue();
  }

  @Test
  void withoutReissuesTheWaitEndsNotConfirmedAndNamesTheCopy() throws Exception {
    CliRun run =
        cli(
            "anchor",
            document("stuck.pdf").toString(),
            "--key",
            key.toString(),
            "--parent",
            absentId(),
            "--wait",
            "3",
            "--reissue",
            "0");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("NOT_CONFIRMED").doesNotContain("re-issued");
    assertThat(run.out()).doesNotContain("reissued");
  }

  @Test
  void badReissueOptionsAreRefusedBeforeAnythingIsSent() throws Exception {
    CliRun negative =
        cli(
            "anchor",
            document("bad.pdf").toString(),
            "--key",
            key.toString(),
            "--wait",
            "5",
            "--reissue",
            "-1");
    assertThat(negative.exitCode()).isNotZero();
    assertThat(negative.err()).contains("--reissue");
    CliRun badParent =
        cli("anchor", document("bad2.pdf").toString(), "--key", key.toString(), "--parent", "xyz");
    assertThat(badParent.exitCode()).isNotZero();
    assertThat(badParent.err()).contains("INVALID_ID");
  }

  /** A transaction id no one has. */
  private static String absentId() {
    byte[] id = new byte[32];
    new Random().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private Path document(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, (name + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private JsonNode metadata(String id) {
    return http.get("/api/v1/transactions/" + id + "/metadata").json();
  }

  private Transaction stored(String id) {
    byte[] bytes =
        HexFormat.of()
            .parseHex(http.get("/api/v1/transactions/" + id).json().path("bytes").asText());
    return ((ValidationResult.Valid) new TransactionDecoder(4096).decode(bytes)).transaction();
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api", http.base().toString(), "--token", WRITE_TOKEN));
    return CliRun.of(all.toArray(String[]::new));
  }
}
