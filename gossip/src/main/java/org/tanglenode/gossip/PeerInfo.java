package org.tanglenode.gossip;

import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * A connected peer as the node sees it now.
 *
 * @param key the node key it proved in the handshake
 * @param remote its address on this connection
 * @param direction who dialed
 * @param latestMilestone from its last heartbeat (0 before one)
 * @param solidMilestone from its last heartbeat
 * @param score its misbehaviour score (banned at {@link GossipConfig#banScore()})
 */
public record PeerInfo(
    Ed25519PublicKey key,
    PeerAddress remote,
    Direction direction,
    int latestMilestone,
    int solidMilestone,
    int score) {}
