package io.datadock.connectors.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.scan.ColumnMeta;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An index's fields from the documented JSON of {@code GET /_mapping} ({@code {"<index>":
 * {"mappings": {"properties": {...}}}}}): each leaf field a column named by its dotted path, typed
 * as the mapping types it; objects are walked into, {@code nested} fields kept as one column.
 */
final class IndexMappings {

  private IndexMappings() {}

  static List<ColumnMeta> columns(JsonNode mappings, String index) {
    List<ColumnMeta> columns = new ArrayList<>();
    if (mappings != null) {
      walk(mappings.path(index).path("mappings").path("properties"), "", columns);
    }
    return columns;
  }

  private static void walk(JsonNode properties, String prefix, List<ColumnMeta> columns) {
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix + field.getKey();
      JsonNode spec = field.getValue();
      String type = spec.path("type").asText("object");
      if (spec.has("properties") && !type.equals("nested")) {
        walk(spec.get("properties"), name + ".", columns);
      } else {
        columns.add(new ColumnMeta(name, type, true, columns.size() + 1));
      }
    }
  }
}
