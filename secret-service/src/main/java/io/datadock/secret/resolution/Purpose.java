package io.datadock.secret.resolution;

import java.util.Locale;
import java.util.Optional;

/** Why credentials are asked for (MANIFESTS.md §4): each depot reference names one. */
public enum Purpose {
  RW,
  SCAN,
  QUERY;

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
