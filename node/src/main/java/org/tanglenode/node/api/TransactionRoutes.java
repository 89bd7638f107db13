package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.tanglenode.node.config.ApiConfig;
import org.tanglenode.node.ingest.IngestResult;
import org.tanglenode.node.ingest.Source;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Limits;
import org.tanglenode.storage.TagCursor;
import org.tanglenode.storage.TagPage;
import org.tanglenode.storage.TransactionMetadata;

/** Submitting and reading transactions: by id, metadata, children, by tag. */
final class TransactionRoutes {

  static final String OCTET_STREAM = "application/octet-stream";

  private final ApiServices node;
  private final ApiConfig config;
  private final Endpoints endpoints;

  TransactionRoutes(ApiServices node, ApiConfig config, Endpoints endpoints) {
    this.node = node;
    this.config = config;
    this.endpoints = endpoints;
  }

  void mount(Router router) {
    router.post("/api/v1/transactions").handler(endpoints.async(Access.SUBMIT, this::submit));
    router
        .post("/api/v1/transactions/batch")
        .handler(endpoints.async(Access.SUBMIT, this::submitBatch));
    router
        .post("/api/v1/transactions/data")
        .handler(endpoints.blocking(Access.WRITE, this::submitData));
    router
        .get("/api/v1/transactions/:id")
        .handler(endpoints.blocking(Access.READ, this::transaction));
    router
        .get("/api/v1/transactions/:id/metadata")
        .handler(endpoints.blocking(Access.READ, this::metadata));
    router
        .get("/api/v1/transactions/:id/children")
        .handler(endpoints.blocking(Access.READ, this::children));
    router
        .get("/api/v1/tags/:tag/transactions")
        .handler(endpoints.blocking(Access.READ, this::byTag));
  }

  /**
   * A fully built transaction: its bytes as the body ({@code application/octet-stream}) or in JSON
   * as hex or base64; decoded on the event loop, then into the ingest pipeline.
   */
  private CompletionStage<Reply> submit(ApiRequest request) {
    if (request.bodyIs(OCTET_STREAM)) {
      if (request.body().length == 0) {
        throw ApiException.badRequest("MISSING_BODY", "the body holds no transaction");
      }
      return node.ingest().submit(request.body(), Source.API).thenApply(this::reply);
    }
    JsonBody body = JsonBody.parse(endpoints.json(), request.body(), Set.of("hex", "base64"));
    Optional<String> hex = body.text("hex");
    Optional<String> base64 = body.text("base64");
    if (hex.isPresent() == base64.isPresent()) {
      throw ApiException.badRequest(
          "MISSING_FIELD", "give the transaction's bytes in exactly one of 'hex' or 'base64'");
    }
    byte[] bytes;
    try {
      bytes =
          hex.isPresent()
              ? HexFormat.of().parseHex(hex.get())
              : Base64.getDecoder().decode(base64.get());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "INVALID_ENCODING", (hex.isPresent() ? "hex" : "base64") + ": " + e.getMessage());
    }
    return node.ingest().submit(bytes, Source.API).thenApply(this::reply);
  }

  /**
   * Many fully built transactions in one body (length-prefixed, {@link TransactionBatch}), each
   * submitted as if alone; the answer, once every one is stored or refused, gives each its own
   * result in the order sent. 200 whatever the items' fates: the caller reads them.
   */
  private CompletionStage<Reply> submitBatch(ApiRequest request) {
    if (!request.bodyIs(OCTET_STREAM)) {
      throw new ApiException(
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "a batch is a length-prefixed application/octet-stream body (docs/api.md)");
    }
    List<byte[]> items = TransactionBatch.parse(request.body());
    List<CompletableFuture<IngestResult>> results = new ArrayList<>(items.size());
    for (byte[] item : items) {
      results.add(node.ingest().submit(item, Source.API).toCompletableFuture());
    }
    int retryAfter = endpoints.retryAfterSeconds();
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .handle((ignored, error) -> batchReply(results, retryAfter));
  }

  /** One entry per item, in order; an item whose ingest failed is a 500-class INTERNAL entry. */
  private static Reply batchReply(List<CompletableFuture<IngestResult>> results, int retryAfter) {
    List<Map<String, Object>> out = new ArrayList<>(results.size());
    int stored = 0;
    int known = 0;
    int refused = 0;
    for (CompletableFuture<IngestResult> result : results) {
      Map<String, Object> entry = new LinkedHashMap<>();
      if (result.isCompletedExceptionally()) {
        entry.put("error", "INTERNAL");
        entry.put("message", "the node failed to store it; send it again");
        refused++;
      } else {
        try {
          Reply reply = reply(result.join(), retryAfter);
          @SuppressWarnings("unchecked")
          Map<String, Object> body = (Map<String, Object>) reply.body();
          entry.putAll(body);
          if (reply.status() == 201) {
            stored++;
          } else {
            known++;
          }
        } catch (ApiException e) {
          entry.put("error", e.code());
          entry.put("message", e.getMessage());
          refused++;
        }
      }
      out.add(entry);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stored", stored);
    body.put("known", known);
    body.put("refused", refused);
    body.put("results", out);
    return Reply.ok(body);
  }

  /** A data payload the node completes: tips, its signature, proof of work. On a worker. */
  private Reply submitData(ApiRequest request) {
    JsonBody body =
        JsonBody.parse(endpoints.json(), request.body(), Set.of("tag", "data", "dataHex"));
    Optional<Tag> tag = body.text("tag").map(TransactionRoutes::tag);
    Optional<String> text = body.text("data");
    Optional<String> hex = body.text("dataHex");
    if (text.isPresent() == hex.isPresent()) {
      throw ApiException.badRequest(
          "MISSING_FIELD", "give the data in exactly one of 'data' (text) or 'dataHex'");
    }
    byte[] data;
    try {
      data =
          text.isPresent()
              ? text.get().getBytes(StandardCharsets.UTF_8)
              : HexFormat.of().parseHex(hex.get());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_ENCODING", "dataHex: " + e.getMessage());
    }
    int max = node.network().genesis().limits().maxDataBytes();
    if (data.length > max) {
      throw ApiException.badRequest(
          RejectReason.DATA_TOO_LARGE.name(),
          data.length + " bytes of data, the network allows " + max);
    }
    Transaction tx = node.completer().complete(new Payload.Data(tag, data));
    return reply(node.ingest().submit(tx.bytes(), Source.API).toCompletableFuture().join());
  }

  static Tag tag(String text) {
    try {
      return Tag.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          RejectReason.TAG_TOO_LONG.name(),
          "a tag has 1 to " + Limits.MAX_TAG_BYTES + " bytes of UTF-8");
    }
  }

  private Reply reply(IngestResult result) {
    return reply(result, endpoints.retryAfterSeconds());
  }

  /** The answer to a submission: 201 stored, 200 known, or the refusal as an error. */
  static Reply reply(IngestResult result, int retryAfterSeconds) {
    switch (result.code()) {
      case STORED -> {
        Transaction tx = ((IngestResult.Stored) result).transaction();
        return Reply.created(Map.of("id", tx.id().toHex(), "status", "stored"));
      }
      case DUPLICATE -> {
        TransactionId id = ((IngestResult.Duplicate) result).id();
        return Reply.ok(Map.of("id", id.toHex(), "status", "known"));
      }
      case INVALID -> {
        IngestResult.Invalid invalid = (IngestResult.Invalid) result;
        throw ApiException.badRequest(invalid.reason().name(), invalid.detail());
      }
      case QUEUE_FULL ->
          throw ApiException.unavailable(
              "QUEUE_FULL",
              "the node's ingest queue is full; try again shortly",
              retryAfterSeconds);
      case UNAVAILABLE ->
          throw ApiException.unavailable(
              "UNAVAILABLE", "the node is starting or stopping", retryAfterSeconds);
    }
    throw new AssertionError(result);
  }

  private Reply transaction(ApiRequest request) {
    TransactionId id = id(request.path("id"));
    Transaction tx =
        node.store()
            .transaction(id)
            .orElseThrow(() -> ApiException.notFound("no transaction " + id.toHex()));
    return Reply.ok(TransactionJson.of(tx));
  }

  private Reply metadata(ApiRequest request) {
    TransactionId id = id(request.path("id"));
    TransactionMetadata metadata =
        node.store()
            .metadata(id)
            .orElseThrow(() -> ApiException.notFound("no transaction " + id.toHex()));
    Map<String, Object> out = new LinkedHashMap<>(TransactionJson.metadata(id, metadata));
    out.put("pending", pending(id, metadata));
    return Reply.ok(out);
  }

  /** Why {@code id} is not referenced yet, typed; {@code null} once a milestone referenced it. */
  private Map<String, Object> pending(TransactionId id, TransactionMetadata metadata) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (metadata.referenced()) {
      return null;
    }
    if (metadata.solid()) {
      out.put("reason", PendingReason.AWAITING_MILESTONE.name());
      return out;
    }
    List<String> missing = new ArrayList<>();
    Optional<Transaction> stored = node.store().transaction(id);
    if (stored.isPresent()) {
      for (TransactionId parent : stored.get().parents()) {
        if (!parent.equals(node.network().rootId()) && !node.store().contains(parent)) {
          missing.add(parent.toHex());
        }
      }
    }
    if (missing.isEmpty()) {
      out.put("reason", PendingReason.AWAITING_SOLIDITY.name());
    } else {
      out.put("reason", PendingReason.MISSING_PARENTS.name());
      out.put("missing", missing);
    }
    return out;
  }

  private Reply children(ApiRequest request) {
    TransactionId id = id(request.path("id"));
    int limit = request.intQuery("limit", config.maxPageSize(), config.maxPageSize());
    if (!node.store().contains(id)) {
      throw ApiException.notFound("no transaction " + id.toHex());
    }
    List<String> children =
        node.store().approvers(id, limit).stream().map(TransactionId::toHex).toList();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id.toHex());
    out.put("children", children);
    return Reply.ok(out);
  }

  private Reply byTag(ApiRequest request) {
    Tag tag = tag(request.path("tag"));
    int limit = request.intQuery("limit", 100, config.maxPageSize());
    Optional<TagCursor> after = request.query("cursor").map(TransactionRoutes::cursor);
    TagPage page = node.store().byTag(tag, after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tag", tag.toString());
    out.put(
        "transactions",
        page.entries().stream()
            .map(e -> Map.<String, Object>of("id", e.id().toHex(), "timestamp", e.timestampMs()))
            .toList());
    out.put("next", page.next().map(TagCursor::toText).orElse(null));
    return Reply.ok(out);
  }

  static TransactionId id(String text) {
    if (text.length() != 2 * TransactionId.SIZE) {
      throw ApiException.badRequest(
          "INVALID_ID", "a transaction id is 64 hex digits, not '" + shorten(text) + "'");
    }
    try {
      return TransactionId.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "INVALID_ID", "a transaction id is 64 hex digits, not '" + shorten(text) + "'");
    }
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  /** A tag cursor from a {@code cursor} query parameter; 400 for anything else. */
  static TagCursor cursor(String text) {
    try {
      return TagCursor.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", "cursor must be the 'next' value of the previous page");
    }
  }
}
