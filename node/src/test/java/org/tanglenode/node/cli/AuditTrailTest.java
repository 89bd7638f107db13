package org.tanglenode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tanglenode.node.TestNodes.WRITE_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.Issuer;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * Anchors and trails end to end against one running node (real loopback, RocksDB in a temp folder)
 * that is also the coordinator of a test network: no proof of work, a milestone every 300 ms, a
 * data limit of {@value #MAX_DATA_BYTES} bytes, and three organisations named in the genesis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

  private static final int MAX_DATA_BYTES = 300;
  private static final List<String> ORGANISATIONS =
      List.of("Relief Agency", "Partner NGO North", "Donor Audit Office");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path dir;
  private Node node;
  private Node peer;
  private Http http;
  private String api;
  private final List<Ed25519PrivateKey> organisationKeys =
      List.of(TestNetwork.key(1), TestNetwork.key(2), TestNetwork.key(3));
  private final Ed25519PrivateKey unknownKey = TestNetwork.key(4);

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    Genesis base = TestNetwork.genesis(0);
    List<Issuer> issuers = new ArrayList<>();
    for (int i = 0; i < ORGANISATIONS.size(); i++) {
      issuers.add(new Issuer(organisationKeys.get(i).publicKey(), ORGANISATIONS.get(i)));
    }
    Genesis genesis =
        base.withPowDifficulty(0)
            .withMilestoneIntervalMs(300)
            .withLimits(new Limits(4096, MAX_DATA_BYTES, 60_000))
            .withIssuers(issuers);
    TestNodes nodes = new TestNodes(dir, genesis);
    node = nodes.start("trails", List.of(), nodes.coordinatorYaml());
    http = new Http(node.apiAddress().orElseThrow());
    api = http.base().toString();
    // A second office's node, fed only by gossip: what it shows must match the first node.
    peer = nodes.start("office", List.of("127.0.0.1:" + node.gossipAddress().getPort()), "");
  }

  @AfterAll
  void stop() {
    if (peer != null) {
      peer.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private Path keyFile(Ed25519PrivateKey key) {
    Path file = dir.resolve(key.publicKey().toHex().substring(0, 12) + ".key");
    if (!Files.exists(file)) {
      KeyFile.write(file, key);
    }
    return file;
  }

  /**
   * {@code tangle trail prove}, the salt given by {@code saltOption} ({@code --salt} or {@code
   * --salts}).
   */
  private CliRun prove(
      String trail, String tx, String field, String value, String saltOption, String salt) {
    return cli(
        "trail", "prove", trail, "--tx", tx, "--field", field, "--value", value, saltOption, salt);
  }

  /** {@code tangle trail append TRAIL --event e OPTIONS... --key KEY}. */
  private CliRun appendTo(String trail, String key, String... options) {
    List<String> all = new ArrayList<>(List.of("trail", "append", trail, "--event", "e"));
    all.addAll(List.of(options));
    all.addAll(List.of("--key", key));
    return cli(all.toArray(String[]::new));
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--api", api, "--token", WRITE_TOKEN));
    return CliRun.of(all.toArray(String[]::new));
  }

  private JsonNode metadata(String id) {
    return http.get("/api/v1/transactions/" + id + "/metadata").json();
  }

  private void awaitConfirmed(String id) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(metadata(id).path("confirmed").asBoolean()).as(id).isTrue());
  }

  private Transaction stored(String id) throws Exception {
    byte[] bytes =
        HexFormat.of()
            .parseHex(http.get("/api/v1/transactions/" + id).json().path("bytes").asText());
    return ((org.tanglenode.protocol.ValidationResult.Valid)
            new org.tanglenode.protocol.TransactionDecoder(4096).decode(bytes))
        .transaction();
  }

  // ---- anchors -------------------------------------------------------------------------------

  @Test
  void aFileAnchoredWithTheCliIsConfirmedAndReadsBackWithItsHashes() throws Exception {
    Path tender = dir.resolve("tender-2026-0001.pdf");
    Files.write(tender, "the tender document, version 3".getBytes(StandardCharsets.UTF_8));
    Ed25519PrivateKey key = organisationKeys.get(0);

    CliRun anchored =
        cli(
            "anchor",
            tender.toString(),
            "--key",
            keyFile(key).toString(),
            "--note",
            "tender v3",
            "--wait",
            "30");

    assertThat(anchored.exitCode()).as(anchored.err()).isZero();
    DocumentHash expected = DocumentHash.of(tender);
    assertThat(anchored.field("sha256:")).isEqualTo(expected.sha256Hex());
    assertThat(anchored.field("blake2b256:")).isEqualTo(expected.blake2b256Hex());
    assertThat(anchored.field("size:")).isEqualTo(Long.toString(expected.size()));
    String id = anchored.field("id:");
    int milestone = metadata(id).path("referencedByMilestone").asInt();
    assertThat(metadata(id).path("confirmed").asBoolean())
        .as("--wait returns once confirmed")
        .isTrue();
    assertThat(anchored.field("confirmed:")).isEqualTo("by milestone " + milestone);
    Transaction tx = stored(id);
    assertThat(tx.issuer()).isEqualTo(key.publicKey());
    assertThat(tx.tag().orElseThrow().toString()).isEqualTo("anchor");
    AnchorRecord record =
        (AnchorRecord) Records.parse(((org.tanglenode.protocol.Payload.Data) tx.payload()).data());
    assertThat(record.document()).isEqualTo(expected);
    assertThat(record.note()).contains("tender v3");
  }

  @Test
  void theApiAnchorsAHashTheCallerComputedAndTheNodeSignsIt() throws Exception {
    DocumentHash hash = DocumentHash.of("a contract kept offline".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sha256", hash.sha256Hex());
    body.put("blake2b256", hash.blake2b256Hex());
    body.put("size", hash.size());
    body.put("note", "contract 17");
    body.put("tag", "contracts-2026");

    Http.Answer answer = http.post("/api/v1/anchors", Http.json(body), WRITE_TOKEN);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.json().path("issuer").asText()).isEqualTo(node.nodeKey().toHex());
    String id = answer.json().path("id").asText();
    awaitConfirmed(id);
    Transaction tx = stored(id);
    AnchorRecord record =
        (AnchorRecord) Records.parse(((org.tanglenode.protocol.Payload.Data) tx.payload()).data());
    assertThat(record.document()).isEqualTo(hash);
    assertThat(tx.tag().orElseThrow().toString()).isEqualTo("contracts-2026");
    assertThat(tx.issuer()).isEqualTo(node.nodeKey());
  }

  @Test
  void theApiRefusesABadAnchorWithATypedError() {
    DocumentHash hash = DocumentHash.of(new byte[] {1, 2, 3});
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sha256", hash.sha256Hex());
    body.put("blake2b256", hash.blake2b256Hex());
    body.put("size", 3);

    body.put("note", "n".repeat(257));
    assertError(http.post("/api/v1/anchors", Http.json(body), WRITE_TOKEN), "INVALID_RECORD");
    body.put("note", "n".repeat(200));
    assertError(http.post("/api/v1/anchors", Http.json(body), WRITE_TOKEN), "DATA_TOO_LARGE");
    body.put("note", "fine");
    body.put("sha256", "AB".repeat(32));
    assertError(http.post("/api/v1/anchors", Http.json(body), WRITE_TOKEN), "INVALID_RECORD");
    body.remove("size");
    assertError(http.post("/api/v1/anchors", Http.json(body), WRITE_TOKEN), "MISSING_FIELD");
    Http.Answer noToken = http.post("/api/v1/anchors", Http.json(body), null);
    assertThat(noToken.status()).isEqualTo(401);
  }

  private static void assertError(Http.Answer answer, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.json().path("error").asText()).as(answer.toString()).isEqualTo(code);
  }

  // ---- trails --------------------------------------------------------------------------------

  /** A clock one millisecond further on at each reading: events in the order they are built. */
  private static final class TickingClock extends Clock {
    private final java.util.concurrent.atomic.AtomicLong next;

    TickingClock(long startMs) {
      this.next = new java.util.concurrent.atomic.AtomicLong(startMs);
    }

    @Override
    public long millis() {
      return next.getAndIncrement();
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis());
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aTrailOfAThousandEventsFromThreeOrganisationsReadsBackCompleteAndInOrder() throws Exception {
    String trail = "relief-2026/lot-7";
    List<Ed25519PrivateKey> signers = new ArrayList<>(organisationKeys);
    signers.add(unknownKey);
    Clock clock = new TickingClock(System.currentTimeMillis());
    SecureRandom random = new SecureRandom();
    ApiClient client = new ApiClient(URI.create(api), WRITE_TOKEN);
    List<Transaction> built = new ArrayList<>();
    try (PowSolver solver = new PowSolver(1)) {
      solver.start();
      List<RemoteIssuer> issuers =
          signers.stream().map(key -> new RemoteIssuer(client, key, clock, solver)).toList();
      // Each event approves the one before, so the milestone that confirms the last confirms all.
      List<TransactionId> parents = issuers.get(0).tips();
      for (int i = 0; i < 1000; i++) {
        TrailAppendCommand.SealedEvent sealed =
            TrailAppendCommand.seal(
                trail,
                i % 2 == 0 ? "dispatched" : "received",
                List.of(),
                Map.of("seq", Integer.toString(i)),
                Map.of(),
                random);
        Transaction tx =
            issuers.get(i % issuers.size()).build(sealed.event(), TrailEvent.tagOf(trail), parents);
        built.add(tx);
        parents = List.of(tx.id());
      }
      // Sent by several clients at once, as several offices would: the node stores each as it
      // comes and solidifies a child once its parent arrives.
      ExecutorService senders = Executors.newFixedThreadPool(8);
      try {
        List<Future<String>> sent = new ArrayList<>();
        for (Transaction tx : built) {
          sent.add(senders.submit(() -> issuers.get(0).submit(tx)));
        }
        for (Future<String> status : sent) {
          assertThat(status.get()).isEqualTo("stored");
        }
      } finally {
        senders.shutdownNow();
      }
    }
    List<String> ids = built.stream().map(tx -> tx.id().toHex()).toList();
    awaitConfirmed(ids.get(ids.size() - 1));

    CliRun shown = cli("trail", "show", trail, "--json", "--page-size", "300");

    assertThat(shown.exitCode()).as(shown.err()).isZero();
    JsonNode entries = readJson(shown.out()).path("entries");
    assertThat(entries).hasSize(1000);
    int previousMilestone = 0;
    for (int i = 0; i < 1000; i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.path("id").asText()).as("entry %d", i).isEqualTo(ids.get(i));
      assertThat(entry.path("kind").asText()).isEqualTo("event");
      assertThat(entry.path("record").path("fields").path("seq").asText())
          .isEqualTo(Integer.toString(i));
      int signer = i % 4;
      if (signer < 3) {
        assertThat(entry.path("organisation").asText()).isEqualTo(ORGANISATIONS.get(signer));
        assertThat(entry.path("knownIssuer").asBoolean()).isTrue();
      } else {
        assertThat(entry.path("organisation").isNull()).isTrue();
        assertThat(entry.path("knownIssuer").asBoolean()).isFalse();
      }
      assertThat(entry.path("confirmed").asBoolean()).as("entry %d", i).isTrue();
      int milestone = entry.path("milestone").asInt();
      assertThat(milestone)
          .as("each event confirmed with or after its predecessor")
          .isGreaterThanOrEqualTo(Math.max(1, previousMilestone));
      previousMilestone = milestone;
    }

    String peerApi = new Http(peer.apiAddress().orElseThrow()).base().toString();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CliRun onPeer =
                  CliRun.of(
                      "trail", "show", trail, "--json", "--page-size", "300", "--api", peerApi);
              assertThat(onPeer.exitCode()).as(onPeer.err()).isZero();
              assertThat(readJson(onPeer.out()).path("entries"))
                  .as("the office node shows the same trail, signers and confirmations")
                  .isEqualTo(entries);
            });

    CliRun text = cli("trail", "show", trail);
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("trail " + trail + " (tag trail:" + trail + "): 1000 entries")
        .contains("signed by Relief Agency (key " + organisationKeys.get(0).publicKey().toHex())
        .contains("signed by Donor Audit Office")
        .contains("signed by unknown signer (key " + unknownKey.publicKey().toHex())
        .contains("confirmed by milestone ")
        .contains("fields: seq=999");
  }

  @Test
  void dataUnderATrailTagThatIsNotOneOfItsEventsIsShownAsSuch() {
    String trail = "mixed-1";
    CliRun event =
        cli(
            "trail",
            "append",
            trail,
            "--event",
            "opened",
            "--key",
            keyFile(organisationKeys.get(1)).toString());
    assertThat(event.exitCode()).as(event.err()).isZero();
    Http.Answer data =
        http.post(
            "/api/v1/transactions/data",
            Http.json(Map.of("tag", "trail:" + trail, "data", "a sensor reading")),
            WRITE_TOKEN);
    assertThat(data.status()).as(data.toString()).isEqualTo(201);
    Http.Answer foreign =
        http.post(
            "/api/v1/transactions/data",
            Http.json(
                Map.of(
                    "tag",
                    "trail:" + trail,
                    "data",
                    "{\"type\":\"event\",\"v\":1,\"trail\":\"other\",\"event\":\"x\"}")),
            WRITE_TOKEN);
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(201);

    Http.Answer notCanonical =
        http.post(
            "/api/v1/transactions/data",
            Http.json(
                Map.of(
                    "tag",
                    "trail:" + trail,
                    "data",
                    "{\"v\":1,\"type\":\"event\",\"trail\":\"mixed-1\",\"event\":\"x\"}")),
            WRITE_TOKEN);
    assertThat(notCanonical.status()).as(notCanonical.toString()).isEqualTo(201);

    JsonNode page = http.get("/api/v1/trails/" + trail).json();

    assertThat(page.path("entries")).hasSize(4);
    List<String> kinds = new ArrayList<>();
    page.path("entries").forEach(e -> kinds.add(e.path("kind").asText()));
    assertThat(kinds).containsExactlyInAnyOrder("event", "data", "other-trail", "invalid-record");
    CliRun text = cli("trail", "show", trail);
    assertThat(text.out())
        .contains("(data)")
        .contains("data: \"a sensor reading\"")
        .contains("(other-trail)")
        .contains("(invalid-record)")
        .contains("not a valid record: NOT_CANONICAL")
        .contains("opened")
        .contains("signed by Partner NGO North");
  }

  @Test
  void aPrivateFieldIsProvenWithItsSaltAndRefusedWithAWrongSaltOrValue() throws Exception {
    String trail = "disbursement-88";
    Path salts = dir.resolve("salts.jsonl");
    CliRun appended =
        cli(
            "trail",
            "append",
            trail,
            "--event",
            "paid",
            "--field",
            "amount=1200 USD",
            "--private-field",
            "recipient-ref=R-2291",
            "--key",
            keyFile(organisationKeys.get(2)).toString(),
            "--salts",
            salts.toString());
    assertThat(appended.exitCode()).as(appended.err()).isZero();
    String id = appended.field("id:");
    assertThat(appended.out()).contains("salt of recipient-ref: kept in " + salts);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(salts)))
        .isEqualTo("rw-------");
    String onLedger = http.get("/api/v1/transactions/" + id).json().path("bytes").asText();
    assertThat(onLedger)
        .doesNotContain(HexFormat.of().formatHex("R-2291".getBytes(StandardCharsets.UTF_8)));
    awaitConfirmed(id);

    CliRun proven = prove(trail, id, "recipient-ref", "R-2291", "--salts", salts.toString());
    assertThat(proven.exitCode()).as(proven.err()).isZero();
    assertThat(proven.out()).startsWith("proven: ").contains("confirmed by milestone");

    String wrongSalt = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
    CliRun refusedSalt = prove(trail, id, "recipient-ref", "R-2291", "--salt", wrongSalt);
    assertThat(refusedSalt.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(refusedSalt.out()).startsWith("refused: ");
    assertThat(refusedSalt.err()).contains("REFUSED");

    CliRun refusedValue = prove(trail, id, "recipient-ref", "R-2292", "--salts", salts.toString());
    assertThat(refusedValue.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(refusedValue.out()).startsWith("refused: ");

    CliRun publicField = prove(trail, id, "amount", "1200 USD", "--salt", wrongSalt);
    assertThat(publicField.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(publicField.err()).contains("NO_SUCH_FIELD");

    CliRun printed =
        cli(
            "trail",
            "append",
            trail,
            "--event",
            "paid",
            "--private-field",
            "recipient-ref=R-7",
            "--key",
            keyFile(organisationKeys.get(2)).toString());
    assertThat(printed.exitCode()).as(printed.err()).isZero();
    String salt = printed.field("salt of recipient-ref:");
    CliRun provenPrinted =
        prove(trail, printed.field("id:"), "recipient-ref", "R-7", "--salt", salt);
    assertThat(provenPrinted.exitCode()).as(provenPrinted.err()).isZero();

    CliRun shown = cli("trail", "show", trail);
    assertThat(shown.out()).contains("private fields: recipient-ref").doesNotContain("R-2291");
  }

  @Test
  void limitsAreRefusedWithTypedErrorsBeforeAnythingIsSent() throws Exception {
    String key = keyFile(organisationKeys.get(0)).toString();

    Path file = dir.resolve("small.txt");
    Files.writeString(file, "x");
    CliRun longNote = cli("anchor", file.toString(), "--key", key, "--note", "n".repeat(257));
    assertThat(longNote.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(longNote.err()).contains("INVALID_RECORD: note: 1 to 256 characters");

    CliRun longField = appendTo("t-1", key, "--field", "a=" + "v".repeat(257));
    assertThat(longField.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(longField.err()).contains("INVALID_RECORD: fields.a");

    List<String> fields = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      fields.addAll(List.of("--field", "f" + i + "=v"));
    }
    CliRun tooMany = appendTo("t-1", key, fields.toArray(String[]::new));
    assertThat(tooMany.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(tooMany.err()).contains("INVALID_RECORD: fields: at most 16");

    CliRun tooLarge =
        appendTo("t-1", key, "--field", "a=" + "v".repeat(150), "--field", "b=" + "v".repeat(150));
    assertThat(tooLarge.exitCode()).isEqualTo(TangleCommand.EXIT_FAILURE);
    assertThat(tooLarge.err()).contains("DATA_TOO_LARGE: the record has").contains("allows 300");

    CliRun badTrail = cli("trail", "append", "-bad id", "--event", "e", "--key", key);
    assertThat(badTrail.exitCode()).isNotZero();

    assertThat(http.get("/api/v1/trails/t-1").json().path("entries"))
        .as("nothing refused reached the node")
        .isEmpty();
    Http.Answer badId = http.get("/api/v1/trails/%20bad");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("error").asText()).isEqualTo("INVALID_TRAIL");
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
