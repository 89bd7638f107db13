package org.tanglenode.node.config;

/** The {@code logging} section: {@code text} or {@code json} lines on stderr, and the level. */
public record LoggingConfig(String format, String level) {

  public boolean json() {
    return format.equals("json");
  }
}
