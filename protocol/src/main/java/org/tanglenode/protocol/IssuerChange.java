package org.tanglenode.protocol;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.protocol.genesis.Issuer;

/**
 * One entry of a trust update's issuer changes: from the update's effective index on, {@code key}
 * belongs to {@code organisation}, or, when the organisation is empty, to nobody (revoked).
 */
public record IssuerChange(Ed25519PublicKey key, String organisation) {

  public IssuerChange {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(organisation, "organisation");
    String problem = problem(organisation);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** A change that names the organisation holding {@code key}. */
  public static IssuerChange assign(Ed25519PublicKey key, String organisation) {
    if (organisation.isEmpty()) {
      throw new IllegalArgumentException("an organisation name is not empty; use revoke");
    }
    return new IssuerChange(key, organisation);
  }

  /** A change that ends {@code key}'s registry entry. */
  public static IssuerChange revoke(Ed25519PublicKey key) {
    return new IssuerChange(key, "");
  }

  public boolean revokes() {
    return organisation.isEmpty();
  }

  /** The organisation, or empty for a revocation. */
  public Optional<String> organisationName() {
    return revokes() ? Optional.empty() : Optional.of(organisation);
  }

  /**
   * Why {@code organisation} cannot be a name, or null if it can: the genesis file's rules for an
   * issuer ({@link Issuer}), the empty string aside.
   */
  static String problem(String organisation) {
    if (organisation.isEmpty()) {
      return null;
    }
    if (organisation.length() > Issuer.MAX_ORGANISATION_CHARS
        || !organisation.strip().equals(organisation)
        || organisation.chars().anyMatch(Character::isISOControl)) {
      return "an organisation name has 1 to "
          + Issuer.MAX_ORGANISATION_CHARS
          + " characters, no control characters, no leading or trailing space";
    }
    return null;
  }
}
