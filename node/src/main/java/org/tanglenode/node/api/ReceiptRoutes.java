package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tanglenode.node.audit.HistoryProofs;
import org.tanglenode.node.audit.ProofUnavailableException;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;

/**
 * Receipts of confirmed transactions and consistency proofs between milestones: what a client needs
 * to check the node's word offline (docs/receipts.md).
 */
final class ReceiptRoutes {

  private static final HexFormat HEX = HexFormat.of();

  private final ApiServices node;
  private final Endpoints endpoints;

  ReceiptRoutes(ApiServices node, Endpoints endpoints) {
    this.node = node;
    this.endpoints = endpoints;
  }

  void mount(Router router) {
    router
        .get("/api/v1/transactions/:id/receipt")
        .handler(endpoints.blocking(Access.READ, this::receipt));
    router
        .get("/api/v1/history/consistency")
        .handler(endpoints.blocking(Access.READ, this::consistency));
  }

  /** The receipt file itself, byte for byte, so that what is saved is what was made. */
  private Reply receipt(ApiRequest request) {
    try {
      return Reply.jsonBytes(node.receipts().receipt(TransactionRoutes.id(request.path("id"))));
    } catch (ProofUnavailableException e) {
      throw unavailable(e);
    }
  }

  private Reply consistency(ApiRequest request) {
    int from = index(request, "from");
    int to = index(request, "to");
    if (from > to) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", "from (" + from + ") must not be above to (" + to + ")");
    }
    HistoryProofs.Consistency proof;
    try {
      proof = node.history().between(from, to);
    } catch (ProofUnavailableException e) {
      throw unavailable(e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("from", milestone(proof.from()));
    out.put("to", milestone(proof.to()));
    out.put("proof", proof.proof().stream().map(HEX::formatHex).toList());
    return Reply.ok(out);
  }

  private static Map<String, Object> milestone(Transaction tx) {
    Payload.Milestone payload = (Payload.Milestone) tx.payload();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("index", payload.index());
    out.put("id", tx.id().toHex());
    out.put("historySize", payload.historySize());
    out.put("historyRoot", HEX.formatHex(payload.historyRoot()));
    out.put("timestamp", tx.timestampMs());
    out.put("transaction", HEX.formatHex(tx.bytes()));
    return out;
  }

  private static int index(ApiRequest request, String name) {
    String text =
        request
            .query(name)
            .orElseThrow(
                () ->
                    ApiException.badRequest(
                        "MISSING_PARAMETER", name + " (a milestone index) is required"));
    try {
      int value = Integer.parseInt(text);
      if (value < 1) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "INVALID_PARAMETER", name + " must be a milestone index, a whole number from 1");
    }
  }

  private static ApiException unavailable(ProofUnavailableException e) {
    return switch (e.reason()) {
      case UNKNOWN -> ApiException.notFound(e.getMessage());
      case NOT_CONFIRMED, NOT_IN_HISTORY, HISTORY_UNAVAILABLE ->
          new ApiException(409, e.reason().name(), e.getMessage());
    };
  }
}
