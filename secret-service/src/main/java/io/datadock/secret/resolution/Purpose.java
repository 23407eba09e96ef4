package io.datadock.secret.resolution;

import java.util.Locale;
import java.util.Optional;

/**
 * Why credentials are asked for: {@code rw}, {@code scan}, {@code query} are the depot reference
 * purposes (MANIFESTS.md §4); {@code unsanitize} is a person reading a secret's values through
 * {@code GET ...?unsanitize=true}, which only users may do.
 */
public enum Purpose {
  RW,
  SCAN,
  QUERY,
  UNSANITIZE;

  public static Optional<Purpose> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
