package org.tanglenode.node.api;

/** Who may call an endpoint. */
enum Access {
  /** Health, metrics, the dashboard and the OpenAPI document: always open. */
  OPEN,
  /** Reads: open, or any configured token when {@code api.readProtected}. */
  READ,
  /** Submitting a fully built transaction: open when {@code api.openSubmit}, else like WRITE. */
  SUBMIT,
  /** Writes that use the node's key or work: the write token (or the admin token). */
  WRITE,
  /** Peers: the admin token. */
  ADMIN
}
