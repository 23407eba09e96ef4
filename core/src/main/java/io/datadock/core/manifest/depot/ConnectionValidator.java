package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks a connection block against its source type's fields and normalizes the known ones (ports
 * become Integers, node lists become lists). Fields the type does not know are kept unchanged:
 * DataOS manifests carry extras that must apply as they are.
 */
final class ConnectionValidator {

  private static final Set<String> FILE_FORMATS = Set.of("csv", "json", "parquet");

  private ConnectionValidator() {}

  static boolean needsBlock(SourceType type) {
    return type.fields().stream().anyMatch(FieldSpec::required);
  }

  static SortedMap<String, Object> validate(
      SourceType type, Map<String, Object> block, String path) {
    SortedMap<String, Object> out = new TreeMap<>();
    Set<String> known = new HashSet<>();
    for (FieldSpec field : type.fields()) {
      known.add(field.name());
      String fieldPath = path + "." + field.name();
      Object value = block.get(field.name());
      if (value == null) {
        if (field.required()) {
          throw DatadockException.invalid(
              fieldPath, fieldPath + " is required for a " + type.canonical() + " depot");
        }
        continue;
      }
      out.put(field.name(), convert(field.kind(), value, fieldPath));
    }
    block.forEach(
        (name, value) -> {
          if (!known.contains(name) && value != null) {
            out.put(name, plain(value, path + "." + name));
          }
        });
    checkTypeRules(type, out, path);
    return out;
  }

  private static Object convert(FieldKind kind, Object value, String path) {
    return switch (kind) {
      case STRING -> string(value, path);
      case PORT -> port(value, path);
      case BOOLEAN -> Values.bool(value, path);
      case STRING_LIST -> stringList(value, path);
      case MAP -> new TreeMap<>(plainMap(value, path));
    };
  }

  /** A non-empty string; a number is taken in its written form ({@code schema: 2024}). */
  private static String string(Object value, String path) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (isIntegral(value)) {
      return value.toString();
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new BigDecimal(n.toString()).toPlainString();
    }
    throw DatadockException.invalid(path, path + " must be a non-empty string");
  }

  private static Integer port(Object value, String path) {
    if ((isIntegral(value) || value instanceof String) && value.toString().matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(value.toString());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    throw DatadockException.invalid(
        path,
        path + " must be a port number between 1 and 65535, not '" + Values.shorten(value) + "'");
  }

  /** A list of non-empty strings, or one comma-separated string ({@code "h1:9092,h2:9092"}). */
  private static List<String> stringList(Object value, String path) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        out.add(string(list.get(i), path + "[" + i + "]"));
      }
    } else if (value instanceof String s) {
      for (String part : s.split(",", -1)) {
        if (part.isBlank()) {
          throw DatadockException.invalid(
              path, path + " must list non-empty entries separated by commas");
        }
        out.add(part.trim());
      }
    } else {
      throw DatadockException.invalid(
          path, path + " must be a list of strings or a comma-separated string");
    }
    if (out.isEmpty()) {
      throw DatadockException.invalid(path, path + " must list at least one entry");
    }
    return List.copyOf(out);
  }

  private static void checkTypeRules(SourceType type, SortedMap<String, Object> out, String path) {
    switch (type) {
      case EVENTHUB -> {
        if (!((String) out.get("endpoint")).startsWith("sb://")) {
          throw DatadockException.invalid(
              path + ".endpoint", path + ".endpoint must start with sb://");
        }
      }
      case FILE -> {
        if (!((String) out.get("path")).startsWith("/")) {
          throw DatadockException.invalid(
              path + ".path",
              path
                  + ".path must be an absolute path, not '"
                  + Values.shorten(out.get("path"))
                  + "'");
        }
        if (out.get("format") instanceof String format) {
          String lower = format.toLowerCase(Locale.ROOT);
          if (!FILE_FORMATS.contains(lower)) {
            throw DatadockException.invalid(
                path + ".format",
                path
                    + ".format must be csv, json or parquet, not '"
                    + Values.shorten(format)
                    + "'");
          }
          out.put("format", lower);
        }
      }
      default -> {}
    }
  }

  /**
   * A value as JSON could hold it, checked all the way down: YAML can also produce dates, binary
   * and sets, which the rest of the system could not carry.
   */
  private static Object plain(Object value, String path) {
    if (value instanceof Map<?, ?>) {
      plainMap(value, path);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          plain(list.get(i), path + "[" + i + "]");
        }
      }
    } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
      throw DatadockException.invalid(
          path, path + " must be a string, number, boolean, list or mapping");
    }
    return value;
  }

  private static Map<String, Object> plainMap(Object value, String path) {
    Map<String, Object> map = Values.map(value, path);
    map.forEach(
        (key, v) -> {
          if (v != null) {
            plain(v, path + "." + key);
          }
        });
    return map;
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger;
  }
}
