package org.tanglenode.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.gossip.wire.RefusalCode;

/**
 * The peers whose handshake is done, one connection per node key. When two nodes dial each other at
 * once, both keep the connection dialed by the node with the lower key, so they agree without
 * talking.
 */
final class PeerRegistry {

  private final Ed25519PublicKey ownKey;
  private final Map<Ed25519PublicKey, Peer> peers = new ConcurrentHashMap<>();
  private final List<Consumer<Peer>> onRemoved = new CopyOnWriteArrayList<>();

  PeerRegistry(Ed25519PublicKey ownKey) {
    this.ownKey = ownKey;
  }

  /** Registers {@code peer}; empty if it is kept, else why it is refused. */
  synchronized Optional<RefusalCode> register(Peer peer) {
    Peer existing = peers.get(peer.key());
    if (existing != null && existing.channel().isActive()) {
      if (dialer(existing).equals(dialer(peer)) || keepsNew(existing, peer)) {
        existing.refuse(RefusalCode.DUPLICATE_CONNECTION, "a newer connection replaces this one");
      } else {
        return Optional.of(RefusalCode.DUPLICATE_CONNECTION);
      }
    }
    peers.put(peer.key(), peer);
    peer.channel().closeFuture().addListener(f -> remove(peer));
    return Optional.empty();
  }

  private boolean keepsNew(Peer existing, Peer candidate) {
    return dialer(candidate).compareTo(dialer(existing)) < 0;
  }

  private Ed25519PublicKey dialer(Peer peer) {
    return peer.connection().direction() == Direction.OUTBOUND ? ownKey : peer.key();
  }

  private void remove(Peer peer) {
    boolean removed;
    synchronized (this) {
      removed = peers.remove(peer.key(), peer);
    }
    peer.removeMeters();
    if (removed) {
      onRemoved.forEach(listener -> listener.accept(peer));
    }
  }

  void onRemoved(Consumer<Peer> listener) {
    onRemoved.add(listener);
  }

  boolean contains(Ed25519PublicKey key) {
    return peers.containsKey(key);
  }

  List<Peer> all() {
    return new ArrayList<>(peers.values());
  }

  int size() {
    return peers.size();
  }
}
