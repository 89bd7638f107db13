package org.tanglenode.gossip;

import io.netty.channel.Channel;
import java.util.function.Consumer;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * One TCP connection before and after its handshake: the channel, who dialed, the read gate, and
 * what to tell the dialer when the peer's key is proven. Created by the channel initializer.
 */
final class Connection {

  private final Channel channel;
  private final Direction direction;
  private final ReadGate gate;
  private final Consumer<Ed25519PublicKey> onEstablished;
  private volatile Ed25519PublicKey peerKey;
  private volatile long framesReceived;
  private volatile long bytesReceived;

  Connection(Channel channel, Direction direction, Consumer<Ed25519PublicKey> onEstablished) {
    this.channel = channel;
    this.direction = direction;
    this.gate = new ReadGate(channel);
    this.onEstablished = onEstablished;
  }

  Channel channel() {
    return channel;
  }

  Direction direction() {
    return direction;
  }

  ReadGate gate() {
    return gate;
  }

  /** The proven key once the handshake is done; until then null. */
  Ed25519PublicKey peerKeyOrNull() {
    return peerKey;
  }

  /** Counts one received frame of {@code bytes} bytes (length prefix included). Event loop only. */
  void received(int bytes) {
    framesReceived++;
    bytesReceived += bytes;
  }

  long framesReceived() {
    return framesReceived;
  }

  long bytesReceived() {
    return bytesReceived;
  }

  void established(Ed25519PublicKey key) {
    this.peerKey = key;
    onEstablished.accept(key);
  }

  PeerAddress remote() {
    return channel.remoteAddress() instanceof java.net.InetSocketAddress address
        ? PeerAddress.of(address)
        : new PeerAddress("unknown", 1);
  }
}
