package org.tanglenode.node.config;

import java.util.Optional;

/**
 * A configuration that cannot be used: an unknown key, a value of the wrong type or an impossible
 * value. The message names the key (and the environment variable when the value came from one), so
 * the operator knows what to fix; the node does not start.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The setting at fault, when one is; the loader adds its environment variable by it. */
  private final String key;

  public ConfigException(String message) {
    this(message, (Throwable) null);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
    this.key = null;
  }

  private ConfigException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
    this.key = key;
  }

  /** A refused value of the setting {@code key}. */
  static ConfigException of(String key, String problem, Throwable cause) {
    return new ConfigException(key, problem, cause);
  }

  /** The key of the setting at fault, if the problem is one setting's value. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** Throws a {@link ConfigException} for {@code key} unless {@code condition} holds. */
  static void check(boolean condition, String key, String problem) {
    if (!condition) {
      throw new ConfigException(key, problem, null);
    }
  }
}
