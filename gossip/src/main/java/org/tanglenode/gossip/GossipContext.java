package org.tanglenode.gossip;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.tanglenode.crypto.sign.Ed25519PrivateKey;
import org.tanglenode.gossip.wire.Message;
import org.tanglenode.protocol.TransactionId;
import org.tanglenode.protocol.genesis.Network;

/**
 * What the per-connection handlers share, built once by {@link Gossip#start()}: configuration,
 * identity, the host, and the node-wide state (peers, scores, seen filter, requests).
 */
record GossipContext(
    GossipConfig config,
    Network network,
    Ed25519PrivateKey nodeKey,
    GossipHost host,
    Clock clock,
    SecureRandom secureRandom,
    MeterRegistry meters,
    GossipMetrics metrics,
    WorkerPool worker,
    PeerRegistry registry,
    PeerScores scores,
    SeenFilter seen,
    RequestTracker<TransactionId> transactionRequests,
    RequestTracker<Integer> milestoneRequests,
    Supplier<Message.Heartbeat> heartbeat) {}
