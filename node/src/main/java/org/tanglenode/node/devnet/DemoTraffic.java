package org.tanglenode.node.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tanglenode.consensus.ledger.LedgerAddress;
import org.tanglenode.consensus.ledger.LedgerOutput;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.Node;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.OutputRef;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;

/**
 * A little traffic that looks like the network's use, sent through the nodes' REST APIs in turn,
 * one transaction per tick, each signed by a demo key: document anchors (records of a made-up
 * tender document, tagged {@code procurement-2026-NNNN}), the events of a shipment's trail (tag
 * {@code trail:shipment-4711}; docs/records.md), and small token transfers between the demo keys. A
 * transfer spends all confirmed outputs of its sender (read from the coordinator node's ledger) and
 * is built, signed and given proof of work here; the next one waits until it is confirmed (or 30 s
 * passed), so none spends an output that is not confirmed.
 */
public final class DemoTraffic implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
  private static final Duration TRANSFER_WAIT = Duration.ofSeconds(30);
  private static final int REMEMBERED = 200;
  private static final String TRAIL = "shipment-4711";

  /** The demo shipment's events: what happened, and where. */
  private static final List<List<String>> SHIPMENT =
      List.of(
          List.of("ordered", "Kisumu"),
          List.of("picked", "Mombasa warehouse"),
          List.of("loaded", "Mombasa warehouse"),
          List.of("departed", "Mombasa"),
          List.of("cleared-customs", "Malaba"),
          List.of("arrived", "Kisumu depot"),
          List.of("delivered", "Kisumu"));

  private final DevnetFiles files;
  private final Node ledgerNode;
  private final List<URI> apis;
  private final String writeToken;
  private final Clock clock;
  private final RandomGenerator random;
  private final long tickMs;
  private final ObjectMapper json = new ObjectMapper();
  private final ArrayDeque<TransactionId> issued = new ArrayDeque<>();
  private HttpClient http;
  private PowSolver solver;
  private ScheduledExecutorService scheduler;
  private long tick; // the scheduler thread's only
  private Optional<PendingTransfer> pending = Optional.empty();

  private record PendingTransfer(TransactionId id, long sentAtMs) {}

  /**
   * @param ledgerNode the node whose confirmed ledger and metadata the transfers are planned from
   * @param apis the nodes' API base URLs ({@code http://host:port}), used in turn
   */
  public DemoTraffic(
      DevnetFiles files,
      Node ledgerNode,
      List<URI> apis,
      String writeToken,
      Clock clock,
      RandomGenerator random,
      long tickMs) {
    this.files = files;
    this.ledgerNode = ledgerNode;
    this.apis = List.copyOf(apis);
    this.writeToken = writeToken;
    this.clock = clock;
    this.random = random;
    this.tickMs = tickMs;
  }

  public synchronized void start() {
    if (scheduler != null) {
      throw new IllegalStateException("demo traffic was started before");
    }
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    solver = new PowSolver(1);
    solver.start();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-traffic");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
  }

  /** The ids of the last transactions sent (at most 200), oldest first. */
  public List<TransactionId> issued() {
    synchronized (issued) {
      return List.copyOf(issued);
    }
  }

  private void tick() {
    long n = tick++;
    URI api = apis.get((int) (n % apis.size()));
    try {
      switch ((int) (n % 3)) {
        case 0 -> anchor(api, n);
        case 1 -> shipmentEvent(api, n);
        default -> {
          if (!transfer(api)) {
            anchor(api, n);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("demo traffic: {} ({})", e.getMessage(), api);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Anchors a made-up tender document, signed by one of the demo keys in turn. */
  private void anchor(URI api, long n) throws IOException, InterruptedException {
    String tag = String.format("procurement-2026-%04d", n / 3 + 1);
    byte[] document = new byte[64];
    random.nextBytes(document);
    AnchorRecord record =
        new AnchorRecord(DocumentHash.of(document), Optional.of("tender document " + tag));
    issueRecord(api, n, tag, record).ifPresent(id -> log("anchored", tag, id, api));
  }

  /** The next event of the demo shipment's trail, signed by one of the demo keys in turn. */
  private void shipmentEvent(URI api, long n) throws IOException, InterruptedException {
    List<String> step = SHIPMENT.get((int) ((n / 3) % SHIPMENT.size()));
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("place", step.get(1));
    fields.put("lot", "12");
    TrailEvent event = new TrailEvent(TRAIL, step.get(0), List.of(), fields, new TreeMap<>());
    String tag = TrailEvent.tagOf(TRAIL).toString();
    issueRecord(api, n, tag, event).ifPresent(id -> log("trail event", tag, id, api));
  }

  /**
   * Signs a record with demo key {@code n mod 4}: keys 1 to 3 belong to the organisations the
   * devnet genesis names, the fourth to nobody it knows, so trails and reports show both.
   */
  private Optional<String> issueRecord(URI api, long n, String tag, Record record)
      throws IOException, InterruptedException {
    List<Ed25519PrivateKey> keys = files.demoKeys();
    Ed25519PrivateKey signer = keys.get((int) (n % keys.size()));
    Transaction tx =
        new TransactionIssuer(files.network(), clock, solver)
            .issue(
                signer,
                tips(api),
                new Payload.Data(Optional.of(Tag.of(tag)), Records.encode(record)));
    return post(api, "/api/v1/transactions", Map.of("hex", hex(tx.bytes())));
  }

  /** Sends a transfer if none is waiting for confirmation; false if it sent nothing. */
  private boolean transfer(URI api) throws IOException, InterruptedException {
    if (pending.isPresent()) {
      PendingTransfer p = pending.get();
      boolean referenced =
          ledgerNode.store().metadata(p.id()).map(m -> m.referenced()).orElse(false);
      if (!referenced && clock.millis() - p.sentAtMs() < TRANSFER_WAIT.toMillis()) {
        return false;
      }
      pending = Optional.empty();
    }
    List<Ed25519PrivateKey> keys = files.demoKeys();
    int from = random.nextInt(keys.size());
    int to = (from + 1 + random.nextInt(keys.size() - 1)) % keys.size();
    Ed25519PrivateKey sender = keys.get(from);
    List<LedgerOutput> coins =
        ledgerNode.consensus().ledger().outputs(LedgerAddress.of(sender.publicKey()));
    if (coins.isEmpty()) {
      return false;
    }
    List<OutputRef> inputs = new ArrayList<>();
    long total = 0;
    for (LedgerOutput coin : coins.subList(0, Math.min(coins.size(), 100))) {
      inputs.add(coin.ref());
      total += coin.output().amount();
    }
    long amount = Math.min(total, 1 + random.nextInt(500));
    byte[] toAddress = Address.of(keys.get(to).publicKey()).hash();
    byte[] fromAddress = Address.of(sender.publicKey()).hash();
    List<Output> outputs = new ArrayList<>();
    outputs.add(new Output(amount, List.of(toAddress), 1, 0));
    if (total > amount) {
      outputs.add(new Output(total - amount, List.of(fromAddress), 1, 0));
    }
    Transaction tx =
        new TransactionIssuer(files.network(), clock, solver)
            .issue(
                sender,
                tips(api),
                new Payload.Transfer(inputs, outputs, Optional.of(Tag.of("demo-transfer"))));
    Optional<String> id = post(api, "/api/v1/transactions", Map.of("hex", hex(tx.bytes())));
    id.ifPresent(
        text -> {
          pending = Optional.of(new PendingTransfer(TransactionId.fromHex(text), clock.millis()));
          LOG.info(
              "demo traffic: transfer of {} from demo-{} to demo-{}: {}",
              amount,
              from + 1,
              to + 1,
              text);
          remember(text);
        });
    return id.isPresent();
  }

  private List<TransactionId> tips(URI api) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("/api/v1/tips?limit=2"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<TransactionId> tips = new ArrayList<>();
    if (response.statusCode() == 200) {
      for (JsonNode tip : json.readTree(response.body()).path("tips")) {
        tips.add(TransactionId.fromHex(tip.asText()));
      }
    }
    return tips.isEmpty() ? List.of(files.network().rootId()) : tips.stream().sorted().toList();
  }

  private Optional<String> post(URI api, String path, Map<String, Object> body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + writeToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      LOG.warn("demo traffic: {} answered {} {}", path, response.statusCode(), response.body());
      return Optional.empty();
    }
    return Optional.of(json.readTree(response.body()).path("id").asText());
  }

  private void log(String what, String tag, String id, URI api) {
    LOG.info("demo traffic: {} {} via {}: {}", what, tag, api.getAuthority(), id);
    remember(id);
  }

  private void remember(String id) {
    synchronized (issued) {
      issued.addLast(TransactionId.fromHex(id));
      while (issued.size() > REMEMBERED) {
        issued.removeFirst();
      }
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Stops the ticks, then the proof-of-work solver. Idempotent. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (solver != null) {
      solver.close();
    }
  }
}
