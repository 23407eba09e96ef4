package io.datadock.core.manifest;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The header every manifest shares: {@code name}, {@code version}, {@code type}. */
public final class ManifestHeader {

  private ManifestHeader() {}

  /** {@code type}: the kind of resource, by its wire name ({@link ResourceKind}). */
  public static ResourceKind type(Map<String, Object> document) {
    String type = requiredString(document, "type");
    return ResourceKind.fromWire(type)
        .orElseThrow(() -> DatadockException.invalid("type", ResourceKind.unknown(type)));
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

  /** {@code layer}: user (the default) or system. */
  public static String layer(Map<String, Object> document) {
    String layer = optionalString(document, "layer", "layer");
    if (layer == null) {
      return "user";
    }
    if (!layer.equals("user") && !layer.equals("system")) {
      String shown = layer.length() > 64 ? layer.substring(0, 64) + "…" : layer;
      throw DatadockException.invalid("layer", "layer must be user or system, not '" + shown + "'");
    }
    return layer;
  }

  /** {@code tags}: a list of strings, empty when absent. */
  public static List<String> tags(Map<String, Object> document) {
    Object value = document.get("tags");
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list) || !list.stream().allMatch(t -> t instanceof String)) {
      throw DatadockException.invalid("tags", "tags must be a list of strings");
    }
    List<String> tags = new ArrayList<>();
    list.forEach(t -> tags.add((String) t));
    return tags;
  }

  /** {@code resourceVersion} for optimistic concurrency: a number (or numeric string), or null. */
  public static Long resourceVersion(Map<String, Object> document) {
    Object value = document.get("resourceVersion");
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    throw DatadockException.invalid("resourceVersion", "resourceVersion must be a number");
  }
}
