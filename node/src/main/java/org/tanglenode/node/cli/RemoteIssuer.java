package org.tanglenode.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tanglenode.crypto.pow.PowSolver;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.node.issuing.TransactionIssuer;
import org.tanglenode.protocol.Payload;
import org.tanglenode.protocol.RejectReason;
import org.tanglenode.protocol.Tag;
import org.tanglenode.protocol.Transaction;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.NetworkId;
import org.tanglenode.protocol.record.Record;
import org.tanglenode.protocol.record.Records;

/**
 * Issues records signed by the caller's own key through a node: the network's id, proof-of-work
 * difficulty and data limit, and the parents, come from the node's API; the signature and the proof
 * of work are made here, so the key never leaves the machine; the finished transaction goes to
 * {@code POST /api/v1/transactions}. The id is known before the node answers, so whatever the
 * caller must keep (salts) can be written first.
 */
final class RemoteIssuer {

  /** What the node tells of its network, read once. */
  record NetworkParameters(NetworkId id, int powDifficulty, int maxDataBytes) {

    TransactionId rootId() {
      return new TransactionId(id.bytes());
    }
  }

  /** Parents a record approves: the node's tips, at most this many. */
  static final int PARENTS = 2;

  private final ApiClient client;
  private final Ed25519PrivateKey key;
  private final Clock clock;
  private final PowSolver solver;
  private NetworkParameters network;

  RemoteIssuer(ApiClient client, Ed25519PrivateKey key, Clock clock, PowSolver solver) {
    this.client = client;
    this.key = key;
    this.clock = clock;
    this.solver = solver;
  }

  NetworkParameters network() {
    if (network == null) {
      JsonNode info = client.get("/api/v1/info");
      String id = info.path("networkId").asText("");
      if (id.length() != 2 * NetworkId.SIZE || !info.path("maxDataBytes").isInt()) {
        throw new CommandFailedException(
            "the node's /api/v1/info does not name its network id and data limit");
      }
      network =
          new NetworkParameters(
              new NetworkId(HexFormat.of().parseHex(id)),
              info.path("powDifficulty").asInt(),
              info.path("maxDataBytes").asInt());
    }
    return network;
  }

  /**
   * Up to {@link #PARENTS} tips chosen by the node's tip selection ({@code selected}; the listed
   * tips from a node that does not answer it), or the network's root when it has none.
   */
  List<TransactionId> tips() {
    JsonNode answer = client.get("/api/v1/tips?limit=" + PARENTS);
    JsonNode chosen =
        answer.path("selected").isArray() ? answer.path("selected") : answer.path("tips");
    List<TransactionId> tips = new ArrayList<>();
    chosen.forEach(t -> tips.add(TransactionId.fromHex(t.asText())));
    return tips.isEmpty() ? List.of(network().rootId()) : tips;
  }

  /**
   * The transaction that records {@code record} under {@code tag}, approving {@code parents},
   * signed and with its proof of work.
   *
   * @throws CommandFailedException with {@code DATA_TOO_LARGE} when the record exceeds the
   *     network's data limit
   */
  Transaction build(Record record, Tag tag, Collection<TransactionId> parents) {
    byte[] data = Records.encode(record);
    NetworkParameters params = network();
    if (data.length > params.maxDataBytes()) {
      throw new CommandFailedException(
          RejectReason.DATA_TOO_LARGE
              + ": the record has "
              + data.length
              + " bytes, the network allows "
              + params.maxDataBytes()
              + " (records hold hashes and short metadata, see docs/records.md)");
    }
    return new TransactionIssuer(params.id().shortId(), params.powDifficulty(), clock, solver)
        .issue(key, parents, new Payload.Data(Optional.of(tag), data));
  }

  /** Sends a finished transaction; returns the node's status: {@code stored} or {@code known}. */
  String submit(Transaction tx) {
    JsonNode answer =
        client.post("/api/v1/transactions", Map.of("hex", HexFormat.of().formatHex(tx.bytes())));
    return answer.path("status").asText();
  }
}
