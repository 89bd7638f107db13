package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tanglenode.node.audit.HistoryProofs;
import org.tanglenode.node.audit.ProofUnavailableException;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.receipt.CompactReceipt;
import org.tanglenode.protocol.receipt.ReceiptFile;
import org.tanglenode.protocol.receipt.ReceiptFormatException;

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

  /**
   * The receipt file itself, byte for byte, so that what is saved is what was made; the compact
   * receipt (docs/receipts.md section 8) for {@code ?format=compact} or {@code Accept:
   * application/octet-stream}.
   */
  private Reply receipt(ApiRequest request) {
    boolean compact = compact(request);
    byte[] file;
    try {
      file = node.receipts().receipt(TransactionRoutes.id(request.path("id")));
    } catch (ProofUnavailableException e) {
      throw unavailable(e);
    }
    if (!compact) {
      return Reply.jsonBytes(file);
    }
    try {
      return Reply.octetBytes(CompactReceipt.encode(ReceiptFile.parse(file)));
    } catch (ReceiptFormatException e) {
      // The node wrote the file a moment ago: failing to read it back is a bug, not bad input.
      throw new IllegalStateException("the node's own receipt does not parse: " + e, e);
    } catch (IllegalArgumentException e) {
      throw new ApiException(409, "TOO_LARGE_FOR_COMPACT", e.getMessage());
    }
  }

  private static boolean compact(ApiRequest request) {
    Optional<String> format = request.query("format");
    if (format.isPresent()) {
      return switch (format.get()) {
        case "compact" -> true;
        case "json" -> false;
        default ->
            throw ApiException.badRequest(
                "INVALID_PARAMETER", "format must be json or compact, not " + format.get());
      };
    }
    return request.accept().contains("application/octet-stream");
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
