package org.tanglenode.gossip;

/**
 * A {@link GossipConfig} value gossip cannot run with. {@link #setting()} names the record
 * component at fault, so that a caller reading settings from a file can name its own key.
 */
public final class InvalidGossipConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String setting;

  public InvalidGossipConfigException(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
  }

  /** The {@link GossipConfig} component at fault, such as {@code maxBytesPerSecond}. */
  public String setting() {
    return setting;
  }

  /** The problem without the component's name, such as {@code must be positive, not 0}. */
  public String problem() {
    return getMessage().substring(setting.length() + 2);
  }
}
