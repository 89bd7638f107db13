package org.tanglenode.node.api;

import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tanglenode.gossip.PeerAddress;
import org.tanglenode.gossip.PeerInfo;

/** Peers: list, add, remove. Admin token only. */
final class PeerRoutes {

  private final ApiServices node;
  private final Endpoints endpoints;

  PeerRoutes(ApiServices node, Endpoints endpoints) {
    this.node = node;
    this.endpoints = endpoints;
  }

  void mount(Router router) {
    router.get("/api/v1/peers").handler(endpoints.quick(Access.ADMIN, r -> list()));
    router.post("/api/v1/peers").handler(endpoints.quick(Access.ADMIN, this::add));
    router.delete("/api/v1/peers/:address").handler(endpoints.quick(Access.ADMIN, this::remove));
  }

  private Reply list() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("connected", node.gossip().peers().stream().map(PeerRoutes::peer).toList());
    out.put(
        "configured", node.gossip().configuredPeers().stream().map(PeerAddress::toString).toList());
    return Reply.ok(out);
  }

  private static Map<String, Object> peer(PeerInfo info) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", info.key().toHex());
    out.put("address", info.remote().toString());
    out.put("direction", info.direction().name());
    out.put("latestMilestone", info.latestMilestone());
    out.put("solidMilestone", info.solidMilestone());
    out.put("score", info.score());
    return out;
  }

  private Reply add(ApiRequest request) {
    JsonBody body = JsonBody.parse(endpoints.json(), request.body(), Set.of("address"));
    PeerAddress address = address(body.requiredText("address"));
    boolean known = node.gossip().configuredPeers().contains(address);
    node.gossip().addPeer(address);
    Map<String, Object> out =
        Map.of("address", address.toString(), "status", known ? "known" : "added");
    return known ? Reply.ok(out) : Reply.created(out);
  }

  private Reply remove(ApiRequest request) {
    PeerAddress address = address(request.path("address"));
    if (!node.gossip().removePeer(address)) {
      throw ApiException.notFound("peer " + address + " is not configured");
    }
    return Reply.ok(Map.of("address", address.toString(), "status", "removed"));
  }

  private static PeerAddress address(String text) {
    try {
      return PeerAddress.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("INVALID_ADDRESS", e.getMessage());
    }
  }
}
