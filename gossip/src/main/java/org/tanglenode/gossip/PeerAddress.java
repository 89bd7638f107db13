package org.tanglenode.gossip;

import java.net.InetSocketAddress;

/** Where to dial a peer: a host name or address and a TCP port. */
public record PeerAddress(String host, int port) {

  public PeerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("a peer address needs a host");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("a port is 1 to 65535, not " + port);
    }
  }

  /** Parses {@code host:port} ({@code [v6]:port} for IPv6 literals). */
  public static PeerAddress parse(String text) {
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a peer address is host:port, not " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new PeerAddress(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a peer address is host:port, not " + text, e);
    }
  }

  public static PeerAddress of(InetSocketAddress address) {
    return new PeerAddress(address.getHostString(), address.getPort());
  }

  InetSocketAddress unresolved() {
    return InetSocketAddress.createUnresolved(host, port);
  }

  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}
