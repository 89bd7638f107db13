package org.tanglenode.node.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;

/**
 * Makes the gateway's transactions as {@code tangle anchor} does (the CLI's RemoteIssuer): network
 * id, proof-of-work difficulty and data limit from the node's {@code /api/v1/info}, two of its tips
 * as parents, signed with the gateway's key and with the proof of work done here, so the key never
 * leaves the gateway. Thread-confined to the batcher.
 */
final class RecordIssuer {

  private record NetworkParameters(NetworkId id, int powDifficulty, int maxDataBytes) {}

  private static final int PARENTS = 2;

  private final NodeApi node;
  private final Ed25519PrivateKey key;
  private final Clock clock;
  private final PowSolver solver;
  private NetworkParameters network;

  RecordIssuer(NodeApi node, Ed25519PrivateKey key, Clock clock, PowSolver solver) {
    this.node = node;
    this.key = key;
    this.clock = clock;
    this.solver = solver;
  }

  /**
   * A signed transaction with proof of work holding {@code record} under {@code tag}, approving the
   * node's current tips.
   *
   * @throws NodeApiException when the node cannot be asked
   * @throws IllegalArgumentException when the record is larger than the network's data limit
   */
  Transaction issue(Record record, Tag tag) {
    NetworkParameters params = network();
    byte[] data = Records.encode(record);
    if (data.length > params.maxDataBytes()) {
      throw new IllegalArgumentException(
          "the record has " + data.length + " bytes, the network allows " + params.maxDataBytes());
    }
    return new TransactionIssuer(params.id().shortId(), params.powDifficulty(), clock, solver)
        .issue(key, tips(params), new Payload.Data(Optional.of(tag), data));
  }

  private NetworkParameters network() {
    if (network == null) {
      JsonNode info = node.get("/api/v1/info");
      String id = info.path("networkId").asText("");
      if (id.length() != 2 * NetworkId.SIZE || !info.path("maxDataBytes").isInt()) {
        throw new NodeApiException(
            502, "NOT_A_NODE", "/api/v1/info names no network id and data limit", null);
      }
      network =
          new NetworkParameters(
              new NetworkId(HexFormat.of().parseHex(id)),
              info.path("powDifficulty").asInt(),
              info.path("maxDataBytes").asInt());
    }
    return network;
  }

  private List<TransactionId> tips(NetworkParameters params) {
    JsonNode answer = node.get("/api/v1/tips?limit=" + PARENTS);
    List<TransactionId> tips = new ArrayList<>();
    answer.path("tips").forEach(t -> tips.add(TransactionId.fromHex(t.asText())));
    return tips.isEmpty() ? List.of(new TransactionId(params.id().bytes())) : tips;
  }
}
