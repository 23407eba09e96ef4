package io.datadock.connectors.scan.objectstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.objectstore.ObjectStore.StoredObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Delta Lake table's schema from its {@code _delta_log}: the newest JSON commit holding a {@code
 * metaData} action (commits read newest first, at most {@value #COMMITS_READ}), whose {@code
 * schemaString} is a Spark struct and {@code partitionColumns} the partition columns. Checkpoints
 * (Parquet) are not read: a table whose last schema change is only in a checkpoint is reported so.
 */
final class DeltaLog {

  static final int COMMITS_READ = 20;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DeltaLog() {}

  /**
   * @param commits the log's JSON commits, newest first
   */
  static TableSchema read(ObjectStore store, List<StoredObject> commits) throws IOException {
    for (StoredObject commit : commits.subList(0, Math.min(commits.size(), COMMITS_READ))) {
      String text = new String(TableMetadata.whole(store, commit), StandardCharsets.UTF_8);
      try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode metaData = line.isBlank() ? null : MAPPER.readTree(line).get("metaData");
          if (metaData != null) {
            return schema(metaData, version(commit));
          }
        }
      }
    }
    throw new IOException(
        "no schema in the newest "
            + Math.min(commits.size(), COMMITS_READ)
            + " commits of the log"
            + " (checkpoints are not read)");
  }

  private static TableSchema schema(JsonNode metaData, String version) throws IOException {
    JsonNode struct = MAPPER.readTree(metaData.path("schemaString").asText("{}"));
    List<ColumnMeta> columns =
        TableSchema.columns(struct.path("fields"), f -> f.path("nullable").asBoolean(true));
    List<String> partitions = new ArrayList<>();
    metaData.path("partitionColumns").forEach(p -> partitions.add(p.asText()));
    return new TableSchema(columns, partitions, Map.of("version", version));
  }

  /** A commit's number, from its name {@code 00000000000000000012.json}. */
  private static String version(StoredObject commit) {
    String name = commit.key().substring(commit.key().lastIndexOf('/') + 1);
    return String.valueOf(Long.parseLong(name.substring(0, name.indexOf('.'))));
  }
}
