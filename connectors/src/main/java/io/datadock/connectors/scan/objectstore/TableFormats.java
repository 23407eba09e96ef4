package io.datadock.connectors.scan.objectstore;

import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table folders of a listing, by their metadata: Delta Lake ({@code
 * <table>/_delta_log/<n>.json} commits) and Apache Iceberg ({@code
 * <table>/metadata/v<n>.metadata.json} or {@code <n>-<uuid>.metadata.json}). Every object under a
 * table's folder belongs to the table.
 */
final class TableFormats {

  static final String DELTA = "delta";
  static final String ICEBERG = "iceberg";

  private static final Pattern DELTA_COMMIT = Pattern.compile("(.*/|)_delta_log/(\\d+)\\.json");
  private static final Pattern ICEBERG_METADATA =
      Pattern.compile("(.*/|)metadata/v?(\\d+)(-[^/]*)?\\.metadata\\.json");

  /**
   * @param root the table's folder, ending in "/" (or the listed prefix itself)
   * @param metadata its commits or metadata files, newest first
   */
  record Table(String root, String format, List<StoredObject> metadata, int objects) {}

  private final Map<String, Table> byRoot;

  private TableFormats(Map<String, Table> byRoot) {
    this.byRoot = byRoot;
  }

  static TableFormats find(String prefix, List<StoredObject> objects) {
    Map<String, String> formats = new LinkedHashMap<>();
    Map<String, List<Versioned>> metadata = new LinkedHashMap<>();
    for (StoredObject object : objects) {
      String key = object.key();
      for (var format :
          List.of(Map.entry(DELTA, DELTA_COMMIT), Map.entry(ICEBERG, ICEBERG_METADATA))) {
        Matcher m = format.getValue().matcher(key);
        if (key.startsWith(prefix) && m.matches() && m.group(1).length() >= prefix.length()) {
          formats.putIfAbsent(m.group(1), format.getKey());
          metadata
              .computeIfAbsent(m.group(1), r -> new ArrayList<>())
              .add(new Versioned(Long.parseLong(m.group(2)), object));
        }
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, String> root : formats.entrySet()) {
      List<StoredObject> newestFirst =
          metadata.get(root.getKey()).stream()
              .sorted(Comparator.comparingLong(Versioned::version).reversed())
              .map(Versioned::object)
              .toList();
      int count = (int) objects.stream().filter(o -> o.key().startsWith(root.getKey())).count();
      tables.put(root.getKey(), new Table(root.getKey(), root.getValue(), newestFirst, count));
    }
    return new TableFormats(tables);
  }

  /** Whether the object lies in a table's folder. */
  boolean holds(String key) {
    return byRoot.keySet().stream().anyMatch(key::startsWith);
  }

  List<Table> all() {
    return List.copyOf(byRoot.values());
  }

  private record Versioned(long version, StoredObject object) {}
}
