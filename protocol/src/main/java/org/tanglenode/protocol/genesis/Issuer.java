package org.tanglenode.protocol.genesis;

import java.util.Objects;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * A key the network knows the holder of: records it signs are shown as signed by {@code
 * organisation}. Only names of organisations belong here, never of people, because the genesis file
 * is public and permanent.
 *
 * @param key the issuer's Ed25519 public key
 * @param organisation 1 to {@value #MAX_ORGANISATION_CHARS} characters, no control characters
 */
public record Issuer(Ed25519PublicKey key, String organisation) {

  public static final int MAX_ORGANISATION_CHARS = 128;

  public Issuer {
    Objects.requireNonNull(key, "key");
    if (organisation == null
        || organisation.isBlank()
        || organisation.length() > MAX_ORGANISATION_CHARS
        || organisation.strip().length() != organisation.length()
        || organisation.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "issuers[].organisation: 1 to "
              + MAX_ORGANISATION_CHARS
              + " characters, no control characters, no leading or trailing space");
    }
  }
}
