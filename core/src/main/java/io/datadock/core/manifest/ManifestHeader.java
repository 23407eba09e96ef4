package io.datadock.core.manifest;

import io.datadock.core.error.DatadockException;
import java.util.Map;
import java.util.Set;

/** The header every manifest shares: {@code name}, {@code version}, {@code type}. */
public final class ManifestHeader {

  public static final Set<String> TYPES = Set.of("secret", "instance-secret", "depot");

  private ManifestHeader() {}

  public static String type(Map<String, Object> document) {
    String type = requiredString(document, "type");
    if (!TYPES.contains(type)) {
      throw DatadockException.invalid(
          "type", "unknown type '" + type + "', expected one of depot, instance-secret, secret");
    }
    return type;
  }

  public static String requiredString(Map<String, Object> document, String field) {
    Object value = document.get(field);
    if (value == null) {
      throw DatadockException.invalid(field, field + " is required");
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw DatadockException.invalid(field, field + " must be a non-empty string");
    }
    return s;
  }

  public static String optionalString(Map<String, Object> document, String field, String path) {
    Object value = document.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw DatadockException.invalid(path, path + " must be a string");
    }
    return s;
  }
}
