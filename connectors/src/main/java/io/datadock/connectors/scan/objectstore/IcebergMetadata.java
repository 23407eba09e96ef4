package io.datadock.connectors.scan.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Apache Iceberg table's schema from its newest {@code metadata/*.metadata.json}: the current
 * schema ({@code current-schema-id} among {@code schemas}, or format 1's {@code schema}), the
 * default partition spec's fields (named as the spec names them, with their transform) and the
 * current snapshot. Manifests and data files are not read.
 */
final class IcebergMetadata {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IcebergMetadata() {}

  static TableSchema read(ObjectStore store, StoredObject metadataFile) throws IOException {
    JsonNode metadata = MAPPER.readTree(TableMetadata.whole(store, metadataFile));
    JsonNode schema = currentSchema(metadata);
    if (schema == null) {
      throw new IOException("no current schema in " + metadataFile.key());
    }
    List<ColumnMeta> columns =
        TableSchema.columns(schema.path("fields"), f -> !f.path("required").asBoolean(false));
    List<String> partitions = new ArrayList<>();
    for (JsonNode field : defaultSpec(metadata)) {
      partitions.add(field.path("name").asText() + " (" + field.path("transform").asText() + ")");
    }
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("format-version", metadata.path("format-version").asText("1"));
    JsonNode snapshot = metadata.path("current-snapshot-id");
    if (!snapshot.isMissingNode() && !snapshot.isNull() && snapshot.asLong(-1) != -1) {
      facts.put("current-snapshot-id", snapshot.asText());
    }
    return new TableSchema(columns, partitions, facts);
  }

  private static JsonNode currentSchema(JsonNode metadata) {
    int current = metadata.path("current-schema-id").asInt(0);
    for (JsonNode schema : metadata.path("schemas")) {
      if (schema.path("schema-id").asInt(-1) == current) {
        return schema;
      }
    }
    return metadata.has("schema") ? metadata.get("schema") : null;
  }

  private static JsonNode defaultSpec(JsonNode metadata) {
    int id = metadata.path("default-spec-id").asInt(0);
    for (JsonNode spec : metadata.path("partition-specs")) {
      if (spec.path("spec-id").asInt(-1) == id) {
        return spec.path("fields");
      }
    }
    return metadata.path("partition-spec");
  }
}
