package io.datadock.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.ServiceAccount;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.ServerUrl;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tables of a BigQuery project: every dataset of {@code datasets.list} the scan filter keeps (a
 * dataset is a collection), its tables by {@code tables.list}, each table's schema by {@code
 * tables.get} ({@link BigQueryTables}). Listings follow their page tokens; a refused or failed
 * dataset or table is an error of a partial scan.
 */
public final class BigQueryScanner implements MetadataScanner {

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials redacting =
        ServiceAccount.redacting(credentials == null ? Credentials.none() : credentials);
    ScanFilter kept = filter == null ? ScanFilter.all() : filter;
    String project;
    ServerUrl endpoint;
    try {
      project = BigQueryApi.project(connection);
      endpoint = BigQueryApi.endpoint(connection);
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    Optional<String> unreachable =
        TcpReach.problem(endpoint.host(), endpoint.port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return ScanResult.failure(unreachable.get());
    }
    try (GoogleSession session = BigQueryApi.login(endpoint, redacting, egress.gate(), deadline)) {
      return read(session, project, redacting, kept);
    } catch (GoogleSession.Failed e) {
      return ScanResult.failure(e.getMessage());
    }
  }

  private static ScanResult read(
      GoogleSession session, String project, Credentials credentials, ScanFilter filter) {
    EgressRestClient client = session.client();
    List<String> datasets = new ArrayList<>();
    try {
      for (JsonNode item : all(client, BigQueryApi.datasets(project), "datasets")) {
        datasets.add(item.path("datasetReference").path("datasetId").asText());
      }
    } catch (BigQueryApi.Refused e) {
      return ScanResult.failure(
          session.refusal(e.status, "project '" + project + "'", "list the datasets of"));
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    } catch (Exception e) {
      return ScanResult.failure(client.describe(e, credentials));
    }
    List<DatasetMeta> tables = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String dataset : datasets.stream().sorted().toList()) {
      if (filter.collection(dataset)) {
        new BigQueryTables(session, project, dataset, credentials).read(filter, tables, errors);
      }
    }
    return new ScanResult(tables, errors, errors.isEmpty());
  }

  /** Every item of a paged list call. */
  static List<JsonNode> all(EgressRestClient client, String path, String field) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String next = null;
    do {
      BigQueryApi.Page page = BigQueryApi.page(client, path, field, next);
      items.addAll(page.items());
      next = page.next();
    } while (next != null);
    return items;
  }
}
