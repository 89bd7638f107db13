package org.tanglenode.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tanglenode.node.audit.StoredTransactions;
import org.tanglenode.node.config.ApiConfig;
import org.tanglenode.node.ingest.Source;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.record.AnchorRecord;
import org.tanglenode.protocol.record.DocumentHash;
import org.tanglenode.protocol.record.Records;
import org.tanglenode.protocol.record.TrailEvent;
import org.tanglenode.storage.TagCursor;
import org.tanglenode.storage.TagPage;

/**
 * The records of docs/records.md: anchoring a document hash the caller computed (the node signs it,
 * so its issuer is the node), and reading a trail with each entry's signer and confirmation.
 */
final class RecordRoutes {

  /** The tag of an anchor whose caller names none. */
  static final String DEFAULT_ANCHOR_TAG = "anchor";

  private static final int DEFAULT_PAGE = 100;

  private final ApiServices node;
  private final ApiConfig config;
  private final Endpoints endpoints;
  private final TrailEntries entries;

  RecordRoutes(ApiServices node, ApiConfig config, Endpoints endpoints) {
    this.node = node;
    this.config = config;
    this.endpoints = endpoints;
    this.entries =
        new TrailEntries(new StoredTransactions(node.store(), node.trust()), endpoints.json());
  }

  void mount(Router router) {
    router.post("/api/v1/anchors").handler(endpoints.blocking(Access.WRITE, this::anchor));
    router.get("/api/v1/trails/:id").handler(endpoints.blocking(Access.READ, this::trail));
  }

  /** An anchor of the caller's hashes, completed and signed by the node. On a worker. */
  private Reply anchor(ApiRequest request) {
    JsonBody body =
        JsonBody.parse(
            endpoints.json(),
            request.body(),
            Set.of("sha256", "blake2b256", "size", "note", "tag"));
    String sha256 = body.requiredText("sha256");
    String blake2b256 = body.requiredText("blake2b256");
    long size =
        body.wholeNumber("size")
            .orElseThrow(
                () -> ApiException.badRequest("MISSING_FIELD", "field 'size' is required"));
    AnchorRecord record;
    try {
      record =
          new AnchorRecord(
              new DocumentHash(hash(sha256, "sha256"), hash(blake2b256, "blake2b256"), size),
              body.text("note"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_RECORD", e.getMessage());
    }
    Tag tag = TransactionRoutes.tag(body.text("tag").orElse(DEFAULT_ANCHOR_TAG));
    byte[] data = Records.encode(record);
    int max = node.network().genesis().limits().maxDataBytes();
    if (data.length > max) {
      throw ApiException.badRequest(
          RejectReason.DATA_TOO_LARGE.name(),
          "the anchor record has " + data.length + " bytes, the network allows " + max);
    }
    Transaction tx = node.completer().complete(new Payload.Data(Optional.of(tag), data));
    // Throws the refusal as the error answer; otherwise 201 stored or 200 known.
    Reply stored =
        TransactionRoutes.reply(
            node.ingest().submit(tx.bytes(), Source.API).toCompletableFuture().join(),
            endpoints.retryAfterSeconds());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", tx.id().toHex());
    out.put("status", stored.status() == 201 ? "stored" : "known");
    out.put("issuer", tx.issuer().toHex());
    out.put("tag", tag.toString());
    out.put("record", recordJson(data));
    return new Reply(stored.status(), out, Map.of());
  }

  private JsonNode recordJson(byte[] data) {
    try {
      return endpoints.json().readTree(data);
    } catch (IOException e) {
      throw new UncheckedIOException("an encoded record is JSON", e);
    }
  }

  private static byte[] hash(String text, String field) {
    if (text.length() != 64 || !text.equals(text.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest("INVALID_RECORD", field + ": must be 64 lowercase hex digits");
    }
    try {
      return HexFormat.of().parseHex(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_RECORD", field + ": must be 64 lowercase hex digits");
    }
  }

  /** One page of a trail, in the tag index's order (issuer timestamp, then id). On a worker. */
  private Reply trail(ApiRequest request) {
    String trail = request.path("id");
    Tag tag;
    try {
      tag = TrailEvent.tagOf(trail);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "INVALID_TRAIL",
          "a trail id has 1 to "
              + TrailEvent.MAX_TRAIL_CHARS
              + " characters of A-Z, a-z, 0-9, '.', '_', ':', '/' or '-'");
    }
    int limit =
        request.intQuery(
            "limit", Math.min(DEFAULT_PAGE, config.maxPageSize()), config.maxPageSize());
    Optional<TagCursor> after = request.query("cursor").map(TransactionRoutes::cursor);
    int confirmedMilestone = node.milestones().confirmedMilestone();
    TagPage page = node.store().byTag(tag, after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("trail", trail);
    out.put("tag", tag.toString());
    out.put("confirmedMilestone", confirmedMilestone);
    out.put(
        "entries",
        page.entries().stream()
            .map(e -> entries.entry(trail, e.id(), confirmedMilestone))
            .toList());
    out.put("next", page.next().map(TagCursor::toText).orElse(null));
    return Reply.ok(out);
  }
}
