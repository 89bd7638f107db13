package org.tanglenode.protocol.sensor;

import java.util.Objects;
import org.tanglenode.crypto.sign.Ed25519PublicKey;
import org.tanglenode.crypto.sign.Ed25519Signature;

/**
 * A device's Ed25519 signature over a reading's signing bytes ({@link SensorReading#signingBytes}),
 * with the key that made it. The key is part of the signed bytes, so a signature cannot be passed
 * off under another key.
 */
public record DeviceSignature(Ed25519PublicKey key, Ed25519Signature signature) {

  public DeviceSignature {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(signature, "signature");
  }
}
