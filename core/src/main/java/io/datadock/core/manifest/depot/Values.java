package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads typed values out of a parsed manifest, each failure naming the field's path. */
final class Values {

  private static final int ECHO_LIMIT = 64;

  private Values() {}

  /** A value as echoed in an error message: at most 64 characters. */
  static String shorten(Object value) {
    String text = String.valueOf(value);
    return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "...";
  }

  /** The mapping at {@code key}, or null when absent. */
  static Map<String, Object> optionalMap(Map<String, Object> parent, String key, String path) {
    Object value = parent.get(key);
    return value == null ? null : map(value, path);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String path) {
    if (!(value instanceof Map<?, ?> map)) {
      throw DatadockException.invalid(path, path + " must be a mapping");
    }
    if (!map.keySet().stream().allMatch(k -> k instanceof String)) {
      throw DatadockException.invalid(path, path + " keys must be strings");
    }
    return (Map<String, Object>) map;
  }

  /** The list of mappings at {@code key}; empty when absent. */
  static List<Map<String, Object>> mapList(Map<String, Object> parent, String key, String path) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw DatadockException.invalid(path, path + " must be a list");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      items.add(map(list.get(i), path + "[" + i + "]"));
    }
    return items;
  }

  static String requiredString(Map<String, Object> parent, String key, String path) {
    Object value = parent.get(key);
    if (value == null) {
      throw DatadockException.invalid(path, path + " is required");
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw DatadockException.invalid(path, path + " must be a non-empty string");
    }
    return s;
  }

  static String optionalString(Map<String, Object> parent, String key, String path) {
    Object value = parent.get(key);
    if (value != null && !(value instanceof String)) {
      throw DatadockException.invalid(path, path + " must be a string");
    }
    return (String) value;
  }

  static boolean optionalBoolean(
      Map<String, Object> parent, String key, String path, boolean absent) {
    Object value = parent.get(key);
    return value == null ? absent : bool(value, path);
  }

  /** {@code true}/{@code false}, also quoted: an interpolated {@code "${VAR}"} arrives quoted. */
  static boolean bool(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("false")) {
        return Boolean.parseBoolean(lower);
      }
    }
    throw DatadockException.invalid(path, path + " must be true or false");
  }
}
