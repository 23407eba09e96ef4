package io.datadock.connectors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Table-format metadata as the writers lay it out, for scans of object stores: a Delta Lake commit
 * with a {@code metaData} action, an Iceberg (format 2) {@code metadata.json}. Columns are given as
 * {@code "name type required"}.
 */
public final class TestTables {

  private TestTables() {}

  /** A {@code _delta_log/<n>.json} commit: protocol and metaData (Spark struct schema). */
  public static byte[] deltaCommit(List<String> columns, List<String> partitionColumns) {
    List<String> fields = new ArrayList<>();
    for (String column : columns) {
      String[] p = column.split(" ");
      fields.add(
          "{\\\"name\\\":\\\"%s\\\",\\\"type\\\":\\\"%s\\\",\\\"nullable\\\":%s,\\\"metadata\\\":{}}"
              .formatted(p[0], p[1], !Boolean.parseBoolean(p[2])));
    }
    String schema =
        "{\\\"type\\\":\\\"struct\\\",\\\"fields\\\":[" + String.join(",", fields) + "]}";
    String partitions =
        String.join(",", partitionColumns.stream().map(c -> "\"" + c + "\"").toList());
    return ("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n"
            + "{\"metaData\":{\"id\":\"t-1\",\"format\":{\"provider\":\"parquet\"},\"schemaString\":\""
            + schema
            + "\",\"partitionColumns\":["
            + partitions
            + "]}}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A {@code metadata/v<n>.metadata.json}: schema 0 current, spec 0 partitioning by {@code
   * transform} of the last column, named {@code partition}.
   */
  public static byte[] icebergMetadata(
      List<String> columns, String partition, String transform, long snapshot) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String[] p = columns.get(i).split(" ");
      fields.add(
          "{\"id\":%d,\"name\":\"%s\",\"required\":%s,\"type\":\"%s\"}"
              .formatted(i + 1, p[0], p[2], p[1]));
    }
    return ("{\"format-version\":2,\"table-uuid\":\"u-1\",\"current-schema-id\":0,"
            + "\"schemas\":[{\"schema-id\":0,\"type\":\"struct\",\"fields\":["
            + String.join(",", fields)
            + "]}],\"default-spec-id\":0,\"partition-specs\":[{\"spec-id\":0,\"fields\":"
            + "[{\"name\":\"%s\",\"transform\":\"%s\",\"source-id\":%d,\"field-id\":1000}]}],"
                .formatted(partition, transform, columns.size())
            + "\"current-snapshot-id\":"
            + snapshot
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
