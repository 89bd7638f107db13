package org.tanglenode.protocol.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.tanglenode.crypto.hash.Blake2b256;

/**
 * A field recorded as a salted commitment: the ledger holds {@code BLAKE2b-256(salt || name || 0x00
 * || value)} and the caller keeps the 32-byte salt. Showing the salt and the value to an auditor
 * proves the value later; without the salt, the commitment reveals nothing a guess could confirm.
 * The field name is inside the hash, so a commitment cannot be passed off as another field's.
 */
public final class FieldCommitment {

  public static final int SALT_BYTES = 32;

  private FieldCommitment() {}

  /** A fresh random salt from {@code random}. */
  public static byte[] newSalt(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  /** The 32-byte commitment to {@code value} under {@code name} with {@code salt}. */
  public static byte[] commit(byte[] salt, String name, String value) {
    if (salt == null || salt.length != SALT_BYTES) {
      throw new IllegalArgumentException("a salt has " + SALT_BYTES + " bytes");
    }
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[SALT_BYTES + nameBytes.length + 1 + valueBytes.length];
    System.arraycopy(salt, 0, input, 0, SALT_BYTES);
    System.arraycopy(nameBytes, 0, input, SALT_BYTES, nameBytes.length);
    System.arraycopy(valueBytes, 0, input, SALT_BYTES + nameBytes.length + 1, valueBytes.length);
    return Blake2b256.digest(input);
  }

  /** Whether {@code commitment} was made for {@code value} under {@code name} with {@code salt}. */
  public static boolean opens(byte[] commitment, byte[] salt, String name, String value) {
    if (salt == null || salt.length != SALT_BYTES) {
      return false;
    }
    return MessageDigest.isEqual(commitment, commit(salt, name, value));
  }
}
