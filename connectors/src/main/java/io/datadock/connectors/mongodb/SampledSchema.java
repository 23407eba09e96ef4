package io.datadock.connectors.mongodb;

import io.datadock.connectors.scan.ColumnMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The columns of a collection from a sample of its documents: every top-level field seen, in the
 * order first seen, typed by its BSON type ({@code string}, {@code int32}, {@code document}, ...),
 * or {@code mixed} when the sample holds several; nullable unless every sampled document has it
 * with a non-null value.
 */
final class SampledSchema {

  private final Map<String, String> types = new LinkedHashMap<>();
  private final Map<String, Integer> present = new LinkedHashMap<>();
  private int documents;

  void add(BsonDocument document) {
    documents++;
    for (Map.Entry<String, BsonValue> field : document.entrySet()) {
      BsonValue value = field.getValue();
      if (value.isNull()) {
        types.putIfAbsent(field.getKey(), "null");
        continue;
      }
      String type = value.getBsonType().name().toLowerCase(java.util.Locale.ROOT);
      types.merge(
          field.getKey(),
          type,
          (seen, now) -> seen.equals("null") || seen.equals(now) ? now : "mixed");
      present.merge(field.getKey(), 1, Integer::sum);
    }
  }

  List<ColumnMeta> columns() {
    List<ColumnMeta> columns = new ArrayList<>();
    types.forEach(
        (name, type) ->
            columns.add(
                new ColumnMeta(
                    name, type, present.getOrDefault(name, 0) < documents, columns.size() + 1)));
    return columns;
  }
}
