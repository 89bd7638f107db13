/**
 * The gossip module of the Tangle node: Netty peers exchanging length-prefixed protobuf envelopes,
 * authenticated by a signed handshake, rate-limited and self-healing. {@link
 * org.tanglenode.gossip.Gossip} is the service, {@link org.tanglenode.gossip.GossipHost} what it
 * needs from the node, {@link org.tanglenode.gossip.GossipConfig} every limit. docs/gossip.md
 * specifies the wire format.
 */
package org.tanglenode.gossip;
