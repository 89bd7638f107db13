package org.tanglenode.crypto.address;

import java.util.Arrays;
import java.util.HexFormat;
import org.tanglenode.crypto.address.AddressFormatException.Reason;
import org.tanglenode.crypto.hash.Blake2b256;
import org.tanglenode.crypto.sign.Ed25519PublicKey;

/**
 * The address of an Ed25519 key: the BLAKE2b-256 of its 32-byte public key. Outputs are locked to
 * addresses rather than keys so that a key stays unknown until its first spend, and addresses have
 * a fixed size whatever the key type.
 *
 * <p>As text an address is bech32m (BIP-350) with the network's human-readable prefix, so an
 * address of one network is refused by another and any typo of up to four characters is caught. The
 * data part is one version byte ({@link #VERSION_ED25519}) followed by the 32-byte hash, regrouped
 * into 5-bit groups (53 groups, the last padded with one zero bit).
 */
public record Address(byte[] hash) implements Comparable<Address> {

  public static final int HASH_SIZE = Blake2b256.DIGEST_SIZE;

  /** The version byte of an address of an Ed25519 key; the only one defined. */
  public static final byte VERSION_ED25519 = 0x00;

  public Address {
    if (hash == null || hash.length != HASH_SIZE) {
      throw new IllegalArgumentException(
          "an address hash has " + HASH_SIZE + " bytes, not " + (hash == null ? 0 : hash.length));
    }
    hash = hash.clone();
  }

  /** The address of {@code publicKey}. */
  public static Address of(Ed25519PublicKey publicKey) {
    return new Address(Blake2b256.digest(publicKey.bytes()));
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /**
   * This address as lowercase bech32m text with the prefix {@code hrp}, such as {@code tgl1q...}.
   *
   * @throws IllegalArgumentException if {@code hrp} is not 1..30 lowercase characters of US-ASCII
   *     33..126 (longer prefixes would exceed bech32's 90 characters)
   */
  public String encode(String hrp) {
    byte[] payload = new byte[1 + HASH_SIZE];
    payload[0] = VERSION_ED25519;
    System.arraycopy(hash, 0, payload, 1, HASH_SIZE);
    return Bech32m.encode(hrp, Bech32m.convertBits(payload, 8, 5, true));
  }

  /**
   * The address written as {@code text}, which must carry the prefix {@code expectedHrp}. Both
   * all-lowercase and all-uppercase text are accepted.
   *
   * @throws AddressFormatException if {@code text} is not an address of that network; its {@link
   *     AddressFormatException#reason()} says why
   * @throws IllegalArgumentException if {@code expectedHrp} is not a valid prefix
   */
  public static Address decode(String text, String expectedHrp) {
    Bech32m.checkHrp(expectedHrp);
    Bech32m.Decoded decoded = Bech32m.decode(text);
    if (!decoded.hrp().equals(expectedHrp)) {
      throw new AddressFormatException(
          Reason.WRONG_PREFIX,
          "address has prefix '" + decoded.hrp() + "', this network expects '" + expectedHrp + "'");
    }
    byte[] payload = Bech32m.convertBits(decoded.data(), 5, 8, false);
    if (payload.length != 1 + HASH_SIZE) {
      throw new AddressFormatException(
          Reason.BAD_LENGTH,
          "address carries " + payload.length + " bytes, not a version byte and " + HASH_SIZE);
    }
    if (payload[0] != VERSION_ED25519) {
      throw new AddressFormatException(
          Reason.UNKNOWN_VERSION, "address has unknown version " + (payload[0] & 0xff));
    }
    return new Address(Arrays.copyOfRange(payload, 1, payload.length));
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(hash, other.hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address other && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  /** The hash in hex; use {@link #encode(String)} for the text users see. */
  @Override
  public String toString() {
    return "Address[" + HexFormat.of().formatHex(hash) + "]";
  }
}
