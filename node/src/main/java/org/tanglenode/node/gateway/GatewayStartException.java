package org.tanglenode.node.gateway;

/** The gateway cannot start: a broker, port, key or folder it needs is not available. */
public final class GatewayStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GatewayStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
