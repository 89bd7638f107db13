package org.tanglenode.node.api;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tanglenode.protocol.Output;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.storage.ConflictState;
import org.tanglenode.storage.TransactionMetadata;

/** The JSON shapes of a transaction and its metadata (docs/api.md, the OpenAPI document). */
final class TransactionJson {

  private static final HexFormat HEX = HexFormat.of();

  private TransactionJson() {}

  static Map<String, Object> of(Transaction tx) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", tx.id().toHex());
    out.put("size", tx.size());
    out.put("network", String.format("%016x", tx.network()));
    out.put("version", tx.version());
    out.put("parents", tx.parents().stream().map(TransactionId::toHex).toList());
    out.put("issuer", tx.issuer().toHex());
    out.put("timestamp", tx.timestampMs());
    out.put("payload", payload(tx.payload()));
    out.put("nonce", Long.toUnsignedString(tx.nonce()));
    out.put("signature", HEX.formatHex(tx.signature().bytes()));
    out.put(
        "cosignatures",
        tx.cosignatures().stream()
            .map(
                c ->
                    Map.of(
                        "publicKey", c.publicKey().toHex(),
                        "signature", HEX.formatHex(c.signature().bytes())))
            .toList());
    out.put("bytes", HEX.formatHex(tx.bytes()));
    return out;
  }

  private static Map<String, Object> payload(Payload payload) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", payload.kind().name());
    out.put("tag", payload.tag().map(Tag::toString).orElse(null));
    if (payload instanceof Payload.Data data) {
      out.put("data", HEX.formatHex(data.data()));
    } else if (payload instanceof Payload.Transfer transfer) {
      out.put(
          "inputs",
          transfer.inputs().stream()
              .map(
                  r ->
                      Map.<String, Object>of(
                          "transactionId", r.transactionId().toHex(), "index", r.index()))
              .toList());
      out.put("outputs", transfer.outputs().stream().map(TransactionJson::output).toList());
    } else if (payload instanceof Payload.Milestone milestone) {
      out.put("index", milestone.index());
      out.put("previous", milestone.previous().map(TransactionId::toHex).orElse(null));
      out.put("confirmedRoot", HEX.formatHex(milestone.confirmedRoot()));
      out.put("historyRoot", HEX.formatHex(milestone.historyRoot()));
      out.put("historySize", milestone.historySize());
    } else if (payload instanceof Payload.TrustUpdate update) {
      out.put("sequence", update.sequence());
      out.put("effectiveIndex", update.effectiveIndex());
      out.put(
          "committee",
          update
              .committee()
              .map(
                  c ->
                      Map.<String, Object>of(
                          "keys",
                          c.keys().stream().map(k -> k.toHex()).toList(),
                          "threshold",
                          c.threshold()))
              .orElse(null));
      out.put(
          "issuers",
          update.issuers().stream()
              .map(
                  c ->
                      Map.<String, Object>of(
                          "key", c.key().toHex(), "organisation", c.organisation()))
              .toList());
    }
    return out;
  }

  private static Map<String, Object> output(Output output) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("amount", output.amount());
    out.put("addresses", output.addresses().stream().map(HEX::formatHex).toList());
    out.put("threshold", output.threshold());
    out.put("timelock", output.timelockMs());
    return out;
  }

  static Map<String, Object> metadata(TransactionId id, TransactionMetadata metadata) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id.toHex());
    out.put("arrivalTime", metadata.arrivalMs());
    out.put("solid", metadata.solid());
    out.put(
        "referencedByMilestone",
        metadata.referencedByMilestone().isPresent()
            ? metadata.referencedByMilestone().getAsInt()
            : null);
    out.put("confirmed", metadata.referenced() && metadata.conflict() == ConflictState.NONE);
    out.put("conflicting", metadata.conflict() != ConflictState.NONE);
    out.put("conflict", metadata.conflict().name());
    return out;
  }
}
