package org.tanglenode.protocol.genesis;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.Cosignature;

/** The keys that sign milestones, and how many of them must sign one. */
public record Committee(List<Ed25519PublicKey> keys, int threshold) {

  public Committee {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("committee.keys: at least one key is needed");
    }
    if (new TreeSet<>(keys).size() != keys.size()) {
      throw new IllegalArgumentException("committee.keys: a key is listed twice");
    }
    if (threshold < 1 || threshold > keys.size()) {
      throw new IllegalArgumentException(
          "committee.threshold: must be between 1 and " + keys.size() + ", not " + threshold);
    }
  }

  public boolean contains(Ed25519PublicKey key) {
    return keys.contains(key);
  }

  /**
   * The distinct keys of this committee among a transaction's issuer and cosigners, in key order.
   * Other keys neither count nor harm. Whether their signatures verify is checked elsewhere.
   */
  public SortedSet<Ed25519PublicKey> membersAmong(
      Ed25519PublicKey issuer, List<Cosignature> cosignatures) {
    SortedSet<Ed25519PublicKey> members = new TreeSet<>();
    if (contains(issuer)) {
      members.add(issuer);
    }
    for (Cosignature cosignature : cosignatures) {
      if (contains(cosignature.publicKey())) {
        members.add(cosignature.publicKey());
      }
    }
    return members;
  }
}
