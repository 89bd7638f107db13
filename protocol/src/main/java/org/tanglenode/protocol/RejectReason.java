package org.tanglenode.protocol;

/**
 * Why a transaction is invalid on its own. The names are stable: peers, the API and logs use them
 * as error codes, and docs/protocol.md lists the rule behind each.
 */
public enum RejectReason {
  /** Larger than the network's maximum transaction size. */
  TOO_LARGE,
  /** Not a protobuf {@code Transaction}, or required fields missing. */
  UNDECODABLE,
  /** Decodes, but re-encoding gives other bytes (field order, defaults, unknown fields...). */
  NON_CANONICAL,
  /** Carries another network's id. */
  WRONG_NETWORK,
  /** A transaction format version this node does not know. */
  UNSUPPORTED_VERSION,
  /** Fewer than 1 or more than 8 parents. */
  PARENT_COUNT,
  /** Parents not in ascending order. */
  PARENTS_UNORDERED,
  /** A parent listed twice. */
  PARENTS_DUPLICATE,
  /** A key, signature, id or hash of the wrong length. */
  MALFORMED_FIELD,
  /** Timestamp before the genesis or too far ahead of this node's clock. */
  TIMESTAMP_OUT_OF_WINDOW,
  /** No payload. */
  MISSING_PAYLOAD,
  /** Tag longer than 64 bytes. */
  TAG_TOO_LONG,
  /**
   * A data or transfer tag starting with {@code tangle.}: those name what nodes index themselves
   * (trust updates under {@code tangle.trust}), so no transaction may write them.
   */
  TAG_RESERVED,
  /** Data payload larger than the network allows. */
  DATA_TOO_LARGE,
  /** A transfer that breaks a rule checkable on its own (amounts, inputs, outputs, locks). */
  INVALID_TRANSFER,
  /** A milestone whose fields are malformed (index, previous, roots). */
  INVALID_MILESTONE,
  /**
   * A trust update whose fields are malformed (sequence, effective index, committee keys and
   * threshold, issuer changes, organisation names) or which changes nothing.
   */
  INVALID_TRUST_UPDATE,
  /** Cosignatures not sorted by key, duplicated, too many, or repeating the issuer. */
  INVALID_COSIGNATURES,
  /** Proof of work below the network's difficulty. */
  INSUFFICIENT_POW,
  /** The issuer's signature or a cosignature does not verify. */
  BAD_SIGNATURE
}
