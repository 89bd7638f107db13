package org.tanglenode.gossip;

import java.util.Set;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Which node keys may connect. {@link #ANY} when the network does not allow-list keys; otherwise
 * exactly the listed keys (an empty list admits nobody).
 */
public record AllowList(boolean enabled, Set<Ed25519PublicKey> keys) {

  public static final AllowList ANY = new AllowList(false, Set.of());

  public AllowList {
    keys = Set.copyOf(keys);
    if (!enabled && !keys.isEmpty()) {
      throw new IllegalArgumentException("a disabled allow-list lists no keys");
    }
  }

  public static AllowList of(Set<Ed25519PublicKey> keys) {
    return new AllowList(true, keys);
  }

  public boolean allows(Ed25519PublicKey key) {
    return !enabled || keys.contains(key);
  }
}
