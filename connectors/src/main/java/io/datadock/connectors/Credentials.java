package io.datadock.connectors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plaintext credentials for the length of one check; {@link #toString()} names keys only, never
 * values.
 *
 * @param data key-value secrets, for example {@code username} and {@code password}
 * @param files file secrets by key, for example {@code json_keyfile}
 */
public record Credentials(Map<String, String> data, Map<String, byte[]> files) {

  private static final Credentials NONE = new Credentials(Map.of(), Map.of());

  public Credentials {
    data = copy(data);
    files = copy(files);
  }

  public static Credentials none() {
    return NONE;
  }

  /** The data value of {@code key}, or null; keys are looked up case-insensitively. */
  public String get(String key) {
    if (key == null) {
      return null;
    }
    String exact = data.get(key);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> entry : data.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
        return entry.getValue();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Credentials[data keys="
        + new TreeSet<>(data.keySet())
        + ", file keys="
        + new TreeSet<>(files.keySet())
        + "]";
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
