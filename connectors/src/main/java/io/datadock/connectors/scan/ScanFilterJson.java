package io.datadock.connectors.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads a depot manifest's scan block (a JSON object) into a {@link ScanFilter}. */
final class ScanFilterJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TOP = Set.of("collections", "datasets");
  private static final Set<String> LISTS = Set.of("include", "exclude");

  private ScanFilterJson() {}

  static ScanFilter parse(String json) {
    if (json == null || json.isBlank()) {
      return ScanFilter.all();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "scan block is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isNull()) {
      return ScanFilter.all();
    }
    requireObject(root, "scan", TOP);
    JsonNode collections = part(root, "collections");
    JsonNode datasets = part(root, "datasets");
    return new ScanFilter(
        strings(collections, "collections", "include"),
        strings(collections, "collections", "exclude"),
        strings(datasets, "datasets", "include"),
        strings(datasets, "datasets", "exclude"));
  }

  private static JsonNode part(JsonNode root, String name) {
    JsonNode node = root.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    requireObject(node, name, LISTS);
    return node;
  }

  private static void requireObject(JsonNode node, String where, Set<String> keys) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be a JSON object with " + sorted(keys));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        throw new IllegalArgumentException(
            "unknown key '" + name + "' in " + where + " (expected " + sorted(keys) + ")");
      }
    }
  }

  /** A list of strings; a single string counts as a list of one. */
  private static List<String> strings(JsonNode part, String where, String key) {
    JsonNode node = part == null ? null : part.get(key);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    String path = where + "." + key;
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + " must be a list of regular expressions");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException(
            path + " must be a list of regular expressions, found " + item);
      }
      values.add(item.asText());
    }
    return values;
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }
}
