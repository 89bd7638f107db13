package org.tanglenode.node.config;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong type or an impossible
 * value. The message names the key (and the environment variable when the value came from one), so
 * the operator knows what to fix; the node does not start.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Throws a {@link ConfigException} for {@code key} unless {@code condition} holds. */
  static void check(boolean condition, String key, String problem) {
    if (!condition) {
      throw new ConfigException(key + ": " + problem);
    }
  }
}
