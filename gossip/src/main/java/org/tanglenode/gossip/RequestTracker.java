package org.tanglenode.gossip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Requests for things peers have (transactions by id, milestones by index): a bounded queue of
 * pending keys, spread over peers (fewest requests in flight first), bounded in flight in total and
 * per peer, and sent to another peer when one does not answer in time or says it lacks the item.
 * Recently answered keys are not asked for again for one timeout. Thread-safe.
 *
 * @param <K> what is requested
 */
final class RequestTracker<K> {

  /** A request to send now: {@code key} to {@code peer}. */
  record Send<K>(K key, Peer peer) {}

  private static final class State {
    int attempts;
    final Set<Ed25519PublicKey> tried = new HashSet<>();
    Peer peer;
    long deadlineMillis;
  }

  private final GossipConfig config;
  private final Clock clock;
  private final LinkedHashMap<K, State> pending = new LinkedHashMap<>();
  private final Map<K, State> inFlight = new HashMap<>();
  private final Map<Ed25519PublicKey, Integer> perPeer = new HashMap<>();
  private final LinkedHashMap<K, Long> answered;
  private final Counter rejected;
  private final Counter abandoned;
  private final Counter timedOut;

  RequestTracker(String kind, GossipConfig config, Clock clock, MeterRegistry meters) {
    this.config = config;
    this.clock = clock;
    int remember = Math.max(1024, config.maxRequestsInFlight());
    this.answered =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Long> eldest) {
            return size() > remember;
          }
        };
    String prefix = "gossip.requests." + kind;
    this.rejected =
        Counter.builder(prefix + ".rejected")
            .description("requests refused because the pending queue was full")
            .register(meters);
    this.abandoned =
        Counter.builder(prefix + ".abandoned")
            .description("requests given up after the maximum number of attempts")
            .register(meters);
    this.timedOut =
        Counter.builder(prefix + ".timeouts")
            .description("requests not answered in time, sent to another peer")
            .register(meters);
    Gauge.builder(prefix + ".pending", this, RequestTracker::pendingCount)
        .description("requests waiting for a peer")
        .register(meters);
    Gauge.builder(prefix + ".inflight", this, RequestTracker::inFlightCount)
        .description("requests sent and not yet answered")
        .register(meters);
  }

  /** Queues a request for {@code key}; false (and counted) if the queue is full. */
  synchronized boolean request(K key) {
    if (pending.containsKey(key) || inFlight.containsKey(key)) {
      return true;
    }
    Long answeredAt = answered.get(key);
    if (answeredAt != null && clock.millis() - answeredAt < config.requestTimeout().toMillis()) {
      return true;
    }
    if (pending.size() >= config.maxPendingRequests()) {
      rejected.increment();
      return false;
    }
    pending.put(key, new State());
    return true;
  }

  /** {@code key} arrived (from anyone): the request is done. True if it was requested. */
  synchronized boolean received(K key) {
    State state = pending.remove(key);
    State flying = inFlight.remove(key);
    if (flying != null) {
      release(flying.peer);
    }
    if (state != null || flying != null) {
      answered.put(key, clock.millis());
      return true;
    }
    return false;
  }

  /** {@code peer} says it lacks {@code key}: ask another peer at the next dispatch. */
  synchronized void notFound(K key, Ed25519PublicKey peer) {
    State state = inFlight.get(key);
    if (state != null && state.peer.key().equals(peer)) {
      inFlight.remove(key);
      release(state.peer);
      retry(key, state);
    }
  }

  /** {@code peer} is gone: its requests go back to the queue. */
  synchronized void peerGone(Ed25519PublicKey peer) {
    Iterator<Map.Entry<K, State>> it = inFlight.entrySet().iterator();
    List<Map.Entry<K, State>> back = new ArrayList<>();
    while (it.hasNext()) {
      Map.Entry<K, State> entry = it.next();
      if (entry.getValue().peer.key().equals(peer)) {
        it.remove();
        back.add(entry);
      }
    }
    perPeer.remove(peer);
    for (Map.Entry<K, State> entry : back) {
      pending.put(entry.getKey(), entry.getValue());
    }
  }

  /**
   * Re-queues timed-out requests, then assigns pending keys to peers that {@code canServe} them
   * while the in-flight bounds allow. The caller sends the returned requests.
   */
  synchronized List<Send<K>> dispatch(List<Peer> peers, BiPredicate<Peer, K> canServe) {
    long now = clock.millis();
    Iterator<Map.Entry<K, State>> expired = inFlight.entrySet().iterator();
    List<Map.Entry<K, State>> late = new ArrayList<>();
    while (expired.hasNext()) {
      Map.Entry<K, State> entry = expired.next();
      if (entry.getValue().deadlineMillis <= now) {
        expired.remove();
        late.add(entry);
      }
    }
    for (Map.Entry<K, State> entry : late) {
      timedOut.increment();
      release(entry.getValue().peer);
      retry(entry.getKey(), entry.getValue());
    }
    List<Send<K>> sends = new ArrayList<>();
    if (peers.isEmpty()) {
      return sends;
    }
    Iterator<Map.Entry<K, State>> it = pending.entrySet().iterator();
    while (it.hasNext() && inFlight.size() < config.maxRequestsInFlight()) {
      Map.Entry<K, State> entry = it.next();
      Peer peer = choose(peers, entry.getKey(), entry.getValue(), canServe);
      if (peer == null) {
        continue;
      }
      it.remove();
      State state = entry.getValue();
      state.peer = peer;
      state.tried.add(peer.key());
      state.deadlineMillis = now + config.requestTimeout().toMillis();
      inFlight.put(entry.getKey(), state);
      perPeer.merge(peer.key(), 1, Integer::sum);
      sends.add(new Send<>(entry.getKey(), peer));
    }
    return sends;
  }

  private Peer choose(List<Peer> peers, K key, State state, BiPredicate<Peer, K> canServe) {
    Peer best = null;
    int bestLoad = Integer.MAX_VALUE;
    boolean bestTried = true;
    for (Peer peer : peers) {
      int load = perPeer.getOrDefault(peer.key(), 0);
      if (load >= config.maxRequestsInFlightPerPeer() || !canServe.test(peer, key)) {
        continue;
      }
      boolean tried = state.tried.contains(peer.key());
      if (best == null || (bestTried && !tried) || (tried == bestTried && load < bestLoad)) {
        best = peer;
        bestLoad = load;
        bestTried = tried;
      }
    }
    return best;
  }

  private void retry(K key, State state) {
    state.attempts++;
    state.peer = null;
    if (state.attempts >= config.requestMaxAttempts()) {
      abandoned.increment();
      return;
    }
    pending.put(key, state);
  }

  private void release(Peer peer) {
    if (peer != null) {
      perPeer.computeIfPresent(peer.key(), (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  synchronized int inFlightCount() {
    return inFlight.size();
  }
}
