package org.tanglenode.protocol.sensor;

import java.util.Objects;
import java.util.Optional;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * Who a verified reading comes from: an unsigned reading says nothing beyond its device id (the
 * gateway's word); a signed one names a key, which the trust root may register to an organisation
 * (device keys are registered like issuer keys: genesis {@code issuers} or trust updates).
 *
 * @param status unsigned, signed by a key the trust root does not name, or by a registered key
 * @param key the device key, for a signed reading
 * @param organisation the organisation holding the key at the batch's milestone, if registered
 */
public record DeviceIdentity(
    Status status, Optional<Ed25519PublicKey> key, Optional<String> organisation) {

  /** How far the device is known. */
  public enum Status {
    /** No device signature: only the gateway vouches for the reading. */
    UNSIGNED,
    /** Signed by a key no registry entry names at the milestone: an unknown device. */
    UNKNOWN_DEVICE,
    /** Signed by a key registered to {@code organisation}. */
    REGISTERED
  }

  public DeviceIdentity {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(organisation, "organisation");
    if ((status == Status.UNSIGNED) != key.isEmpty()
        || (status == Status.REGISTERED) != organisation.isPresent()) {
      throw new IllegalArgumentException(
          "a signed reading has a key, an unsigned one none; only a registered key an organisation");
    }
  }

  public static DeviceIdentity unsigned() {
    return new DeviceIdentity(Status.UNSIGNED, Optional.empty(), Optional.empty());
  }

  /** A signed reading's identity: registered when {@code organisation} is present. */
  public static DeviceIdentity signed(Ed25519PublicKey key, Optional<String> organisation) {
    return new DeviceIdentity(
        organisation.isPresent() ? Status.REGISTERED : Status.UNKNOWN_DEVICE,
        Optional.of(key),
        organisation);
  }

  /** For people: "unsigned", "unknown device (key …)" or the organisation and key. */
  public String describe() {
    return switch (status) {
      case UNSIGNED -> "unsigned";
      case UNKNOWN_DEVICE -> "unknown device (key " + key.orElseThrow().toHex() + ")";
      case REGISTERED -> organisation.orElseThrow() + " (key " + key.orElseThrow().toHex() + ")";
    };
  }
}
