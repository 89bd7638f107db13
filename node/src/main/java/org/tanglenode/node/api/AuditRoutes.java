package org.tanglenode.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.node.audit.AuditEntry;
import org.tanglenode.node.audit.AuditPage;
import org.tanglenode.node.audit.AuditQueryException;
import org.tanglenode.node.audit.AuditRecords;
import org.tanglenode.node.audit.ConfirmedPage;
import org.tanglenode.node.audit.MilestoneFacts;
import org.tanglenode.node.config.ApiConfig;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.TransactionId;

/**
 * What audit reports read: the transactions a milestone newly confirmed, and records selected by
 * tag, by confirming milestones and by issuer, each with its signer's organisation and its
 * confirmation (docs/api.md, docs/reports.md).
 */
final class AuditRoutes {

  private final ApiConfig config;
  private final Endpoints endpoints;
  private final AuditRecords records;

  AuditRoutes(ApiServices node, ApiConfig config, Endpoints endpoints) {
    this.config = config;
    this.endpoints = endpoints;
    this.records =
        new AuditRecords(node.store(), node.trust(), node.milestones()::confirmedMilestone);
  }

  void mount(Router router) {
    router
        .get("/api/v1/milestones/:index/confirmed")
        .handler(endpoints.blocking(Access.READ, this::confirmed));
    router.get("/api/v1/records").handler(endpoints.blocking(Access.READ, this::records));
  }

  private Reply confirmed(ApiRequest request) {
    int index = milestoneIndex(request.path("index"), "index");
    int limit = request.intQuery("limit", config.maxPageSize(), config.maxPageSize());
    OptionalLong from = OptionalLong.empty();
    Optional<String> cursor = request.query("cursor");
    if (cursor.isPresent()) {
      try {
        from = OptionalLong.of(Long.parseLong(cursor.get()));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "INVALID_PARAMETER", "cursor must be the 'next' value of the previous page");
      }
    }
    OptionalLong start = from;
    ConfirmedPage page = answer(() -> records.confirmedBy(index, start, limit));
    Map<String, Object> out = milestone(page.milestone());
    out.put("transactions", page.ids().stream().map(TransactionId::toHex).toList());
    out.put("next", page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null);
    return Reply.ok(out);
  }

  private Reply records(ApiRequest request) {
    Optional<Tag> tag = request.query("tag").map(TransactionRoutes::tag);
    Optional<Ed25519PublicKey> issuer = request.query("issuer").map(AuditRoutes::issuer);
    Optional<Integer> from = request.query("from").map(text -> milestoneIndex(text, "from"));
    Optional<Integer> to = request.query("to").map(text -> milestoneIndex(text, "to"));
    int limit =
        request.intQuery("limit", Math.min(100, config.maxPageSize()), config.maxPageSize());
    Optional<String> cursor = request.query("cursor");
    if (from.isPresent() != to.isPresent()) {
      throw ApiException.badRequest("INVALID_RANGE", "give both 'from' and 'to', or neither");
    }
    if (tag.isPresent() && from.isPresent()) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", "select by 'tag' or by 'from' and 'to', not both");
    }
    if (tag.isEmpty() && from.isEmpty() && issuer.isEmpty()) {
      throw ApiException.badRequest(
          "MISSING_PARAMETER", "give 'tag', 'issuer', or 'from' and 'to' (see docs/api.md)");
    }
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("tag", tag.map(Tag::toString).orElse(null));
    selection.put("issuer", issuer.map(Ed25519PublicKey::toHex).orElse(null));
    AuditPage page;
    if (tag.isPresent()) {
      page = answer(() -> records.byTag(tag.get(), issuer, cursor, limit, config.maxRecordScan()));
    } else {
      int confirmed = records.confirmedIndex();
      // an issuer alone means the most recent api.maxMilestoneRange confirmed milestones
      int last = to.orElse(confirmed);
      int first = from.orElse(Math.max(1, confirmed - config.maxMilestoneRange() + 1));
      if (last < first && from.isPresent()) {
        throw ApiException.badRequest("INVALID_RANGE", "'from' must not be after 'to'");
      }
      if ((long) last - first + 1 > config.maxMilestoneRange()) {
        throw ApiException.badRequest(
            "RANGE_TOO_LARGE",
            "at most "
                + config.maxMilestoneRange()
                + " milestones at once (api.maxMilestoneRange), not "
                + (last - first + 1));
      }
      selection.put("from", first);
      selection.put("to", last);
      page =
          last < first
              ? new AuditPage(java.util.List.of(), 0, Optional.empty())
              : answer(
                  () ->
                      records.confirmedBetween(
                          first, last, issuer, cursor, limit, config.maxRecordScan()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("selection", selection);
    out.put("confirmedMilestone", records.confirmedIndex());
    out.put("records", page.entries().stream().map(this::entry).toList());
    out.put("scanned", page.scanned());
    out.put("next", page.next().orElse(null));
    return Reply.ok(out);
  }

  private Map<String, Object> entry(AuditEntry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", entry.id().toHex());
    out.put("timestamp", entry.timestampMs());
    out.put("tag", entry.tag().map(Tag::toString).orElse(null));
    out.put("issuer", entry.issuer().toHex());
    out.put("organisation", entry.organisation().orElse(null));
    out.put("record", recordJson(entry));
    Map<String, Object> metadata = TransactionJson.metadata(entry.id(), entry.metadata());
    metadata.remove("id");
    out.putAll(metadata);
    out.put(
        "milestoneTimestamp",
        entry.milestoneTimestampMs().isPresent() ? entry.milestoneTimestampMs().getAsLong() : null);
    return out;
  }

  private JsonNode recordJson(AuditEntry entry) {
    try {
      return endpoints.json().readTree(entry.recordJson());
    } catch (IOException e) {
      throw new IllegalStateException("record of " + entry.id() + " was parsed before", e);
    }
  }

  private static Map<String, Object> milestone(MilestoneFacts facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", facts.index());
    out.put("id", facts.id().toHex());
    out.put("timestamp", facts.timestampMs());
    out.put("firstLeaf", facts.firstLeaf());
    out.put("historySize", facts.historySize());
    out.put("count", facts.count());
    return out;
  }

  private static <T> T answer(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (AuditQueryException e) {
      throw switch (e.reason()) {
        case UNKNOWN_MILESTONE -> ApiException.notFound(e.getMessage());
        case MILESTONE_NOT_CONFIRMED -> new ApiException(409, "NOT_CONFIRMED", e.getMessage());
        case INVALID_CURSOR -> ApiException.badRequest("INVALID_PARAMETER", e.getMessage());
      };
    }
  }

  private static int milestoneIndex(String text, String name) {
    try {
      int index = Integer.parseInt(text);
      if (index >= 1) {
        return index;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(
        "INVALID_PARAMETER", name + ": a milestone index is a whole number from 1");
  }

  private static Ed25519PublicKey issuer(String hex) {
    try {
      return Ed25519PublicKey.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_KEY", "issuer: an Ed25519 public key, 64 hex digits");
    }
  }
}
