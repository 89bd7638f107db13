package org.tanglenode.node.gateway;

/**
 * The node answered with an error ({@code status} 4xx/5xx and its {@code error} code), or did not
 * answer at all ({@code status} 0, code {@code UNREACHABLE}): the gateway keeps what it has and
 * tries again later.
 */
public final class NodeApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public NodeApiException(int status, String code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public boolean unreachable() {
    return status == 0;
  }
}
