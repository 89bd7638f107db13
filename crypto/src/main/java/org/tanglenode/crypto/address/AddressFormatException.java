package org.tanglenode.crypto.address;

import java.util.Objects;

/**
 * Text that is not a valid address. The {@link #reason()} lets a caller (the REST API, the CLI) map
 * the failure to a stable error code without parsing the message; the message says what was wrong
 * in words, without repeating the whole input.
 */
public final class AddressFormatException extends IllegalArgumentException {

  /** Why the text was rejected. */
  public enum Reason {
    /** Longer than the 90 characters bech32 allows. */
    TOO_LONG,
    /** Upper- and lowercase letters mixed; either one case or the other is allowed. */
    MIXED_CASE,
    /** No separator {@code 1} between the prefix and the data. */
    NO_SEPARATOR,
    /** Nothing before the separator. */
    EMPTY_PREFIX,
    /** Fewer than the six characters of the checksum after the separator. */
    TOO_SHORT,
    /** A prefix character outside US-ASCII 33..126, or a data character outside the bech32 set. */
    INVALID_CHARACTER,
    /** The checksum does not match: a typo, or a bech32 (not bech32m) string. */
    BAD_CHECKSUM,
    /** A well-formed string for another network (another human-readable prefix). */
    WRONG_PREFIX,
    /** The 5-bit groups do not convert back to whole bytes (non-zero or excess padding). */
    BAD_PADDING,
    /** The payload is not one version byte and a 32-byte hash. */
    BAD_LENGTH,
    /** A version byte this node does not know. */
    UNKNOWN_VERSION
  }

  private final Reason reason;

  public AddressFormatException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
