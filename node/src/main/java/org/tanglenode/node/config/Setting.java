package org.tanglenode.node.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration setting: its key in the YAML file (a dotted path), the environment variable
 * that overrides it, its type, its default, its unit and what it means. {@link Settings#ALL} is the
 * one list of them; docs/configuration.md shows the same table (a test keeps the two together).
 *
 * @param key dotted path in the YAML file, such as {@code api.port}
 * @param type how the value is written
 * @param defaultValue the default as it would be written in YAML (a list: comma-separated)
 * @param unit unit of a number ("ms", "bytes", ...), or "" when it has none
 * @param meaning one line for the documentation
 * @param choices for {@link Type#CHOICE}: the allowed values
 */
public record Setting(
    String key, Type type, String defaultValue, String unit, String meaning, List<String> choices) {

  /** How a value is written in YAML and in its environment variable. */
  public enum Type {
    TEXT,
    PATH,
    INT,
    LONG,
    BOOLEAN,
    CHOICE,
    /** A YAML list of text; in an environment variable, comma-separated. */
    LIST
  }

  public Setting {
    if (key == null || !key.matches("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*")) {
      throw new IllegalArgumentException("bad setting key " + key);
    }
    choices = List.copyOf(choices);
    if (type == Type.CHOICE && !choices.contains(defaultValue)) {
      throw new IllegalArgumentException(key + ": default is not one of its choices");
    }
  }

  /** The environment variable: {@code TANGLE_} and the key in upper snake case. */
  public String env() {
    StringBuilder name = new StringBuilder("TANGLE_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c)) {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString().toUpperCase(Locale.ROOT);
  }

  /** The key's path in the YAML tree. */
  public List<String> path() {
    return List.of(key.split("\\."));
  }
}
