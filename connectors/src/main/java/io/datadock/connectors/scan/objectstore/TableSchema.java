package io.datadock.connectors.scan.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.scan.ColumnMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a table format's metadata says: its columns, partition columns and facts for the catalog's
 * properties ({@code version}, {@code current-snapshot-id}, ...).
 */
record TableSchema(
    List<ColumnMeta> columns, List<String> partitionColumns, Map<String, String> facts) {

  /**
   * The top-level fields of a JSON schema ({@code [{"name", "type", ...}]}, Delta's and Iceberg's
   * alike): a primitive type by its name, a nested one by its kind ({@code struct}, {@code list},
   * ...).
   */
  static List<ColumnMeta> columns(JsonNode fields, Predicate<JsonNode> nullable) {
    List<ColumnMeta> columns = new ArrayList<>();
    for (JsonNode field : fields) {
      JsonNode type = field.path("type");
      columns.add(
          new ColumnMeta(
              field.path("name").asText(),
              type.isTextual() ? type.asText() : type.path("type").asText("struct"),
              nullable.test(field),
              columns.size() + 1));
    }
    return columns;
  }
}
