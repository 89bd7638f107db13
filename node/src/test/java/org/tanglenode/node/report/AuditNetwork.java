package org.tanglenode.node.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tanglenode.crypto.keyfile.KeyFile;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Http;
import org.tanglenode.node.Node;
import org.tanglenode.node.TestNodes;
import org.tanglenode.node.config.ConfigLoader;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TestNetwork;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Genesis;
import org.tanglenode.protocol.genesis.Issuer;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * One coordinator node on loopback (RocksDB under the test's folder, a milestone every 300 ms)
 * whose genesis names the node's own key as {@value #AGENCY}, and a second signer the genesis does
 * not name. {@link #submitRecords} records a small audit trail from both and waits until every
 * record is confirmed.
 */
public final class AuditNetwork implements AutoCloseable {

  public static final String AGENCY = "Aid Agency East";
  public static final String TRAIL = "shipment-4711";
  public static final String TRAIL_TAG = "trail:" + TRAIL;
  public static final String ANCHOR_TAG = "procurement-2026";

  /** A note meant to break a page or a spreadsheet, from the unknown signer. */
  public static final String HOSTILE_NOTE = "=HYPERLINK(\"http://x\") <script>alert(1)</script>";

  /** Transactions one page of /api/v1/records reads at most on this node (api.maxRecordScan). */
  public static final int SCAN_BUDGET = 4;

  /** The node's own key, named in the genesis. */
  public static final Ed25519PrivateKey AGENCY_KEY = TestNetwork.key(11);

  /** A key the genesis does not name. */
  public static final Ed25519PrivateKey STRANGER_KEY = TestNetwork.key(12);

  private final Node node;
  private final Http http;
  private final TestNodes nodes;

  /** What was submitted: id, signer and record, in submission order. */
  public record Submitted(String id, Ed25519PrivateKey signer, Record record, String tag) {}

  private AuditNetwork(Node node, TestNodes nodes) {
    this.node = node;
    this.nodes = nodes;
    this.http = new Http(node.apiAddress().orElseThrow());
  }

  public static AuditNetwork start(Path dir) {
    Genesis base = TestNetwork.genesis(0);
    Genesis genesis =
        base.withMilestoneIntervalMs(300)
            .withIssuers(List.of(new Issuer(AGENCY_KEY.publicKey(), AGENCY)));
    TestNodes nodes = new TestNodes(dir, genesis);
    try {
      Files.createDirectories(dir.resolve("audit"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    KeyFile.write(dir.resolve("audit").resolve("node.key"), AGENCY_KEY);
    Path file = nodes.configFile("audit", List.of(), nodes.coordinatorYaml());
    try {
      // a small scan budget, so reports here also cross short pages
      Files.writeString(
          file,
          Files.readString(file)
              .replace("\napi:\n", "\napi:\n  maxRecordScan: " + SCAN_BUDGET + "\n"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Node node =
        new Node(
            new ConfigLoader(Map.of()).load(file), Clock.systemUTC(), new SplittableRandom(11));
    node.start();
    return new AuditNetwork(node, nodes);
  }

  public Http http() {
    return http;
  }

  public String api() {
    return "http://127.0.0.1:" + node.apiAddress().orElseThrow().getPort();
  }

  /**
   * Records, in this order: an anchor (agency), the trail's "dispatched" (agency), plain text under
   * the trail's tag (not a record), "received" (stranger), "delivered" with a document and a field
   * (agency), an anchor with {@link #HOSTILE_NOTE} (stranger). Waits until all are confirmed.
   */
  public List<Submitted> submitRecords() {
    DocumentHash tender = DocumentHash.of("tender for lot 12".getBytes(StandardCharsets.UTF_8));
    DocumentHash receipt = DocumentHash.of("signed delivery note".getBytes(StandardCharsets.UTF_8));
    List<Submitted> out = new ArrayList<>();
    out.add(
        byAgency(new AnchorRecord(tender, Optional.of("tender documents, lot 12")), ANCHOR_TAG));
    out.add(byAgency(event("dispatched", List.of(), Map.of()), TRAIL_TAG));
    submitData(TRAIL_TAG, Map.of("tag", TRAIL_TAG, "data", "left Mombasa"));
    out.add(byStranger(event("received", List.of(), Map.of())));
    out.add(byAgency(event("delivered", List.of(receipt), Map.of("site", "clinic 3")), TRAIL_TAG));
    out.add(byStranger(new AnchorRecord(tender, Optional.of(HOSTILE_NOTE))));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (Submitted s : out) {
                JsonNode metadata = metadata(s.id());
                assertThat(metadata.path("confirmed").asBoolean()).as(metadata.toString()).isTrue();
              }
            });
    return out;
  }

  public JsonNode metadata(String id) {
    return http.get("/api/v1/transactions/" + id + "/metadata").json();
  }

  private static TrailEvent event(
      String what, List<DocumentHash> docs, Map<String, String> fields) {
    return new TrailEvent(TRAIL, what, docs, new TreeMap<>(fields), new TreeMap<>());
  }

  private Submitted byAgency(Record record, String tag) {
    String id =
        submitData(
            tag, Map.of("tag", tag, "dataHex", HexFormat.of().formatHex(Records.encode(record))));
    return new Submitted(id, AGENCY_KEY, record, tag);
  }

  private String submitData(String tag, Map<String, String> body) {
    Http.Answer made =
        http.post("/api/v1/transactions/data", Http.json(body), TestNodes.WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return made.json().path("id").asText();
  }

  /** Signed by {@link #STRANGER_KEY} here, proof of work done here, sent as bytes. */
  private Submitted byStranger(Record record) {
    String tag = record instanceof TrailEvent ? TRAIL_TAG : ANCHOR_TAG;
    List<TransactionId> parents = new ArrayList<>();
    http.get("/api/v1/tips?limit=2")
        .json()
        .path("tips")
        .forEach(tip -> parents.add(TransactionId.fromHex(tip.asText())));
    if (parents.isEmpty()) {
      parents.add(nodes.network().rootId());
    }
    Transaction tx;
    try (PowSolver solver = new PowSolver(1)) {
      solver.start();
      tx =
          new TransactionIssuer(nodes.network(), Clock.systemUTC(), solver)
              .issue(
                  STRANGER_KEY,
                  parents,
                  new Payload.Data(Optional.of(Tag.of(tag)), Records.encode(record)));
    }
    Http.Answer made =
        http.post(
            "/api/v1/transactions",
            Http.json(Map.of("hex", HexFormat.of().formatHex(tx.bytes()))),
            TestNodes.WRITE_TOKEN);
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    return new Submitted(made.json().path("id").asText(), STRANGER_KEY, record, tag);
  }

  @Override
  public void close() {
    node.close();
  }
}
