package org.tanglenode.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * One entry of a trust update's issuer changes: from the update's effective index on, {@code key}
 * belongs to {@code organisation}, or, when the organisation is empty, to nobody (revoked).
 */
public record IssuerChange(Ed25519PublicKey key, String organisation) {

  /** Longest organisation name, in UTF-8 bytes. */
  public static final int MAX_ORGANISATION_BYTES = 128;

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

  /** Why {@code organisation} cannot be a name, or null if it can. */
  static String problem(String organisation) {
    int bytes = organisation.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ORGANISATION_BYTES) {
      return "an organisation name has at most "
          + MAX_ORGANISATION_BYTES
          + " UTF-8 bytes, not "
          + bytes;
    }
    if (organisation.codePoints().anyMatch(Character::isISOControl)) {
      return "an organisation name has no control characters";
    }
    if (!organisation.strip().equals(organisation)) {
      return "an organisation name neither starts nor ends with white space";
    }
    return null;
  }
}
