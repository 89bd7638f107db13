package org.tanglenode.gossip;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the inbound connections that have not finished the handshake, in total and per source
 * address. Before the handshake nobody is known, so these are the only limits an anonymous flood
 * meets: without them one address could hold every inbound slot with connections that never finish,
 * each for up to {@code handshakeTimeout}, and lock honest peers out. A bound per address rather
 * than an address ban, because honest peers may share an address (NAT).
 */
final class HandshakeAdmission {

  /** The outcome of {@link #admit}. */
  sealed interface Decision permits Place, Refused {}

  /** Refused before the handshake; {@code message} goes to the caller in the refusal. */
  record Refused(String message) implements Decision {}

  private final int maxTotal;
  private final int maxPerAddress;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private int total;

  HandshakeAdmission(int maxTotal, int maxPerAddress) {
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Admits one handshaking connection from {@code remote}, or says why not. */
  synchronized Decision admit(SocketAddress remote) {
    if (total >= maxTotal) {
      return new Refused("too many connections are handshaking with this node; try again later");
    }
    String address = addressOf(remote);
    int fromAddress = perAddress.getOrDefault(address, 0);
    if (fromAddress >= maxPerAddress) {
      return new Refused(
          "too many connections from your address are handshaking with this node; finish those");
    }
    perAddress.put(address, fromAddress + 1);
    total++;
    return new Place(address);
  }

  /** Connections handshaking now (a gauge). */
  synchronized int handshaking() {
    return total;
  }

  private synchronized void release(String address) {
    total--;
    perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }

  private static String addressOf(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(remote);
  }

  /**
   * One admitted connection's place, given back once: when its handshake finishes or when it
   * closes, whichever comes first.
   */
  final class Place implements Decision {
    private final String address;
    private final AtomicBoolean released = new AtomicBoolean();

    private Place(String address) {
      this.address = address;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        HandshakeAdmission.this.release(address);
      }
    }
  }
}
