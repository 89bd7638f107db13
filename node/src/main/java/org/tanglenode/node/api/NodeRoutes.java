package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.tanglenode.crypto.address.Address;
import org.tanglenode.gossip.MilestoneIndexes;
import org.tanglenode.gossip.SyncStatus;
import org.tanglenode.node.config.ApiConfig;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.TransactionValidator;
import org.tanglenode.protocol.trust.TrustChain;
import org.tanglenode.protocol.trust.TrustFile;

/** Node info, tips, milestones, and address balances and outputs from the ledger. */
final class NodeRoutes {

  private final ApiServices node;
  private final ApiConfig config;
  private final Endpoints endpoints;
  private final Rates rates;
  private final AtomicReference<EncodedTrust> encodedTrust = new AtomicReference<>();

  NodeRoutes(ApiServices node, ApiConfig config, Endpoints endpoints) {
    this.node = node;
    this.config = config;
    this.endpoints = endpoints;
    this.rates =
        new Rates(
            node.ingest()::receivedCount,
            node.ingest()::storedCount,
            node.confirmedTransactions(),
            node.clock());
  }

  /** Takes a rate sample (cheap; on an event loop). */
  void sampleRates() {
    rates.now();
  }

  void mount(Router router) {
    router.get("/api/v1/info").handler(endpoints.quick(Access.READ, r -> info()));
    // Blocking: the selection may walk the stored DAG (tips.selector: weighted).
    router.get("/api/v1/tips").handler(endpoints.blocking(Access.READ, this::tips));
    // Public data by design: a verifier page saved to a phone (origin "null") may fetch it too.
    router
        .get("/api/v1/trust")
        .handler(
            ctx -> {
              ctx.response().putHeader("Access-Control-Allow-Origin", "*");
              ctx.next();
            })
        .handler(endpoints.blocking(Access.READ, r -> trust()));
    router
        .get("/api/v1/milestones/:index")
        .handler(endpoints.blocking(Access.READ, this::milestone));
    router
        .get("/api/v1/addresses/:address/balance")
        .handler(endpoints.quick(Access.READ, this::balance));
    router
        .get("/api/v1/addresses/:address/outputs")
        .handler(endpoints.quick(Access.READ, this::outputs));
  }

  /**
   * The trust file's exact bytes. A chain is immutable and changes only with a confirmed update, so
   * its encoding is made once per chain, not per request.
   */
  private Reply trust() {
    TrustChain chain = node.trust().get();
    EncodedTrust cached = encodedTrust.get();
    if (cached == null || cached.chain() != chain) {
      cached = new EncodedTrust(chain, TrustFile.encode(chain));
      encodedTrust.set(cached);
    }
    return Reply.jsonBytes(cached.bytes());
  }

  private record EncodedTrust(TrustChain chain, byte[] bytes) {}

  private Reply info() {
    MilestoneIndexes indexes = node.milestones().indexes();
    SyncStatus sync = node.gossip().syncStatus();
    Map<String, Object> milestones = new LinkedHashMap<>();
    milestones.put("latest", indexes.latest());
    milestones.put("solid", indexes.solid());
    milestones.put("confirmed", node.milestones().confirmedMilestone());
    milestones.put("networkLatest", sync.networkLatestMilestone());
    Rates.Snapshot now = rates.now();
    Map<String, Object> rate = new LinkedHashMap<>();
    rate.put("receivedPerSecond", round(now.receivedPerSecond()));
    rate.put("storedPerSecond", round(now.storedPerSecond()));
    rate.put("confirmedPerSecond", round(now.confirmedPerSecond()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("network", node.network().genesis().name());
    out.put("networkId", node.network().id().toHex());
    out.put("version", node.build().version());
    out.put("commit", node.build().commit());
    out.put("nodeKey", node.nodeKey().toHex());
    out.put("synced", sync.synced());
    out.put("milestones", milestones);
    out.put("transactions", node.store().transactionCount());
    out.put("rates", rate);
    out.put("tips", node.tips().tipCount());
    out.put("peers", node.gossip().peers().size());
    out.put("ingestQueue", node.ingest().queueDepth());
    out.put("eventSubscribers", node.events().subscribers());
    out.put("powDifficulty", node.network().genesis().powDifficulty());
    out.put("maxDataBytes", node.network().genesis().limits().maxDataBytes());
    return Reply.ok(out);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private Reply tips(ApiRequest request) {
    int limit = request.intQuery("limit", config.maxPageSize(), config.maxPageSize());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", node.tips().tipCount());
    out.put("tips", node.tips().tips(limit).stream().map(TransactionId::toHex).toList());
    // What a writer should approve: the node's own choice (tips.selector) of up to 8.
    out.put(
        "selected",
        node
            .tips()
            .selectParents(Math.max(1, Math.min(limit, TransactionValidator.MAX_PARENTS)))
            .stream()
            .map(TransactionId::toHex)
            .toList());
    return Reply.ok(out);
  }

  private Reply milestone(ApiRequest request) {
    int index;
    try {
      index = Integer.parseInt(request.path("index"));
    } catch (NumberFormatException e) {
      index = 0;
    }
    if (index < 1) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", "a milestone index is a whole number from 1");
    }
    int wanted = index;
    TransactionId id =
        node.store()
            .milestone(index)
            .orElseThrow(() -> ApiException.notFound("no milestone " + wanted));
    Transaction milestone =
        node.store()
            .transaction(id)
            .orElseThrow(() -> new IllegalStateException("milestone " + wanted + " not stored"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", index);
    out.put("id", id.toHex());
    out.put("transaction", TransactionJson.of(milestone));
    return Reply.ok(out);
  }

  private Address address(ApiRequest request) {
    try {
      return Address.decode(request.path("address"), node.network().genesis().addressPrefix());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "INVALID_ADDRESS", "not an address of this network: " + e.getMessage());
    }
  }

  private void requireLedger() {
    if (!node.ledger().available()) {
      throw new ApiException(501, "NOT_IMPLEMENTED", "this node keeps no ledger");
    }
  }

  private Reply balance(ApiRequest request) {
    Address address = address(request);
    requireLedger();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("address", request.path("address"));
    out.put("balance", node.ledger().balance(address));
    out.put("confirmedMilestone", node.milestones().confirmedMilestone());
    return Reply.ok(out);
  }

  private Reply outputs(ApiRequest request) {
    Address address = address(request);
    requireLedger();
    int limit = request.intQuery("limit", config.maxPageSize(), config.maxPageSize());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("address", request.path("address"));
    out.put(
        "outputs",
        node.ledger().outputs(address, limit).stream()
            .map(
                ref -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("transactionId", ref.transactionId().toHex());
                  o.put("index", ref.index());
                  return o;
                })
            .toList());
    out.put("confirmedMilestone", node.milestones().confirmedMilestone());
    return Reply.ok(out);
  }
}
