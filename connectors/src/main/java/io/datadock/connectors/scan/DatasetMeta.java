package io.datadock.connectors.scan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One dataset a scan found.
 *
 * @param collection the schema, database, folder or "default" (Kafka) that holds it
 * @param name as the source spells it
 * @param kind what it is
 * @param columns ordered by position; empty for topics and unreadable schemas
 * @param primaryKey column names in key order; empty when there is none or it is unknown
 * @param rowEstimate the source's own cheap estimate; null when there is none
 * @param description the source's comment; null when none
 * @param properties more facts, e.g. partitions=3, format=csv, path=/x/y.csv
 */
public record DatasetMeta(
    String collection,
    String name,
    DatasetKind kind,
    List<ColumnMeta> columns,
    List<String> primaryKey,
    Long rowEstimate,
    String description,
    Map<String, String> properties) {

  public DatasetMeta {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    columns = columns == null ? List.of() : List.copyOf(columns);
    primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    properties =
        properties == null || properties.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The column of that name, or null. */
  public ColumnMeta column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
  }
}
