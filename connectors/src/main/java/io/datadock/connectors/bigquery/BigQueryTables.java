package io.datadock.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.scan.ColumnMeta;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.ScanFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One BigQuery dataset's tables with their schemas: {@code tables.list}, then {@code tables.get}
 * for each table the filter keeps. A column's type is BigQuery's ({@code STRING}, {@code INT64},
 * {@code RECORD}); a {@code REPEATED} field is {@code ARRAY<type>}; {@code REQUIRED} is not
 * nullable. Views are {@link DatasetKind#VIEW}s; {@code numRows} is the row estimate.
 */
final class BigQueryTables {

  private final GoogleSession session;
  private final EgressRestClient client;
  private final String project;
  private final String dataset;
  private final Credentials credentials;

  BigQueryTables(GoogleSession session, String project, String dataset, Credentials credentials) {
    this.session = session;
    this.client = session.client();
    this.project = project;
    this.dataset = dataset;
    this.credentials = credentials;
  }

  void read(ScanFilter filter, List<DatasetMeta> tables, List<String> errors) {
    List<String> names = new ArrayList<>();
    try {
      for (JsonNode item :
          BigQueryScanner.all(client, BigQueryApi.tables(project, dataset), "tables")) {
        names.add(item.path("tableReference").path("tableId").asText());
      }
    } catch (Exception e) {
      errors.add(problem(e, "dataset '" + dataset + "'", "list the tables of"));
      return;
    }
    for (String name : names.stream().sorted().toList()) {
      if (!filter.dataset(dataset, name)) {
        continue;
      }
      try {
        tables.add(table(name, BigQueryApi.get(client, BigQueryApi.table(project, dataset, name))));
      } catch (Exception e) {
        errors.add(problem(e, "table '" + dataset + "." + name + "'", "read"));
      }
    }
  }

  private DatasetMeta table(String name, JsonNode table) {
    List<ColumnMeta> columns = new ArrayList<>();
    for (JsonNode field : table.path("schema").path("fields")) {
      String type = field.path("type").asText();
      String mode = field.path("mode").asText("NULLABLE");
      columns.add(
          new ColumnMeta(
              field.path("name").asText(),
              mode.equals("REPEATED") ? "ARRAY<" + type + ">" : type,
              !mode.equals("REQUIRED"),
              columns.size() + 1));
    }
    String type = table.path("type").asText("TABLE");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("type", type);
    if (table.hasNonNull("location")) {
      properties.put("location", table.path("location").asText());
    }
    return new DatasetMeta(
        dataset,
        name,
        type.equals("VIEW") || type.equals("MATERIALIZED_VIEW")
            ? DatasetKind.VIEW
            : DatasetKind.TABLE,
        columns,
        List.of(),
        table.hasNonNull("numRows") ? table.path("numRows").asLong() : null,
        table.hasNonNull("description") ? table.path("description").asText() : null,
        properties);
  }

  private String problem(Exception e, String what, String action) {
    if (e instanceof BigQueryApi.Refused refused) {
      return session.refusal(refused.status, what, action);
    }
    if (e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    return what + ": " + client.describe(e, credentials);
  }
}
