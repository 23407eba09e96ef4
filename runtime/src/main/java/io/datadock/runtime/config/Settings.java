package io.datadock.runtime.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The environment, read as typed values: each reader takes a {@link Setting}, falls back to its
 * default when the variable is unset and fails with a {@link ConfigurationException} naming the
 * variable and the problem. Immutable; {@link #with} and {@link #withDefault} give a new view,
 * which is how the launcher sets what it owns over the environment it is given.
 */
public final class Settings {

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** The variables of {@code environment} ({@code System.getenv()} in a {@code main}). */
  public static Settings of(Map<String, String> environment) {
    Map<String, String> copy = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            copy.put(name, value);
          }
        });
    return new Settings(copy);
  }

  public static Settings empty() {
    return new Settings(Map.of());
  }

  /** The same with {@code setting} set to {@code value}, whatever it was. */
  public Settings with(Setting setting, Object value) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(setting.variable(), String.valueOf(value));
    return new Settings(copy);
  }

  /** The same with {@code setting} set to {@code value} unless it is set already. */
  public Settings withDefault(Setting setting, Object value) {
    return isSet(setting) ? this : with(setting, value);
  }

  /** The variables set, by name. */
  public Map<String, String> variables() {
    return values;
  }

  public boolean isSet(Setting setting) {
    return values.containsKey(setting.variable());
  }

  /** The value, else the setting's default (null when it has none). */
  public String string(Setting setting) {
    return values.getOrDefault(setting.variable(), setting.defaultValue());
  }

  /** The value, else {@code fallback}: for defaults the reader decides (a host name, a path). */
  public String string(Setting setting, String fallback) {
    return Optional.ofNullable(string(setting)).orElse(fallback);
  }

  /** The value when set and not blank. */
  public Optional<String> optional(Setting setting) {
    return Optional.ofNullable(string(setting)).filter(v -> !v.isBlank());
  }

  /** The value, which must be set and not blank; {@code why} says what needs it. */
  public String required(Setting setting, String why) {
    return optional(setting)
        .orElseThrow(() -> new ConfigurationException(setting, "required: " + why));
  }

  public int integer(Setting setting) {
    return integer(setting, null);
  }

  public int integer(Setting setting, Integer fallback) {
    return read(setting, fallback == null ? null : fallback.toString(), Integer::parseInt);
  }

  /** A whole number of at least 1 (a count, a budget). */
  public int positive(Setting setting) {
    int value = integer(setting);
    if (value < 1) {
      throw new ConfigurationException(setting, "must be at least 1: " + value);
    }
    return value;
  }

  /** A TCP port, 0 to 65535 (0: a free one). */
  public int port(Setting setting, Integer fallback) {
    int port = integer(setting, fallback);
    if (port < 0 || port > 65535) {
      throw new ConfigurationException(setting, "not a port (0 to 65535): " + port);
    }
    return port;
  }

  /** A number of milliseconds, not negative. */
  public Duration millis(Setting setting) {
    long ms = read(setting, null, Long::parseLong);
    if (ms < 0) {
      throw new ConfigurationException(setting, "must not be negative: " + ms);
    }
    return Duration.ofMillis(ms);
  }

  /** A decimal number, not negative. */
  public double decimal(Setting setting) {
    double value = read(setting, null, Double::parseDouble);
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConfigurationException(setting, "must be a number 0 or more: " + value);
    }
    return value;
  }

  public Path path(Setting setting, Path fallback) {
    String text = string(setting);
    if (text == null) {
      return fallback;
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ConfigurationException(setting, "not a path: \"" + text + "\"");
    }
  }

  /** Comma-separated entries, trimmed, the blank ones left out. */
  public List<String> list(Setting setting) {
    String text = string(setting);
    return text == null
        ? List.of()
        : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** One of an enum's constants, by name. */
  public <E extends Enum<E>> E choice(Setting setting, Class<E> type) {
    String text = string(setting);
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException | NullPointerException e) {
      String names =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      throw new ConfigurationException(setting, "not one of " + names + ": \"" + text + "\"");
    }
  }

  /**
   * The value read by {@code parser}, whose {@link IllegalArgumentException} becomes a {@link
   * ConfigurationException} naming the variable: for values of the readers' own types (CIDR lists,
   * file roots).
   */
  public <T> T parsed(Setting setting, Function<String, T> parser) {
    String text = string(setting);
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(setting, e.getMessage());
    }
  }

  private <T> T read(Setting setting, String fallback, Function<String, T> parser) {
    String text = string(setting, fallback);
    if (text == null) {
      throw new ConfigurationException(setting, "required: it has no default");
    }
    try {
      return parser.apply(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(setting, "not a number: \"" + text + "\"");
    }
  }
}
