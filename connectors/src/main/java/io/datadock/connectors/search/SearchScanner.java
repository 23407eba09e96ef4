package io.datadock.connectors.search;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.NodeReach;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch and OpenSearch: {@code _cat/indices} for the indices (hidden ones left out), one
 * {@code GET /_mapping} for their fields. Every index is a {@link DatasetKind#INDEX} in collection
 * "default", with its document count as the row estimate and properties {@code health} and {@code
 * status}. Nodes, login, egress and timeouts are the check's ({@link SearchCheck}).
 */
public final class SearchScanner implements MetadataScanner {

  public static final String COLLECTION = "default";
  private static final Logger LOG = LoggerFactory.getLogger(SearchScanner.class);

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials secrets = credentials == null ? Credentials.none() : credentials;
    long started = System.nanoTime();
    ScanResult result;
    try {
      List<SearchNode> nodes = SearchNode.of(connection);
      NodeReach.Result reach =
          NodeReach.first(
              nodes.stream().map(SearchNode::endpoint).toList(), "nodes", egress.gate(), deadline);
      if (!reach.ok()) {
        return ScanResult.failure(reach.problem());
      }
      HttpLogin login = SearchNode.login(secrets);
      try (EgressRestClient client =
          nodes.get(reach.reached()).client(login, egress.gate(), deadline)) {
        result =
            read(
                client,
                login,
                login.redacting(secrets),
                filter == null ? ScanFilter.all() : filter);
      }
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    LOG.info(
        "metadata scan type={} datasets={} complete={} errors={} millis={}",
        connection.type(),
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private static ScanResult read(
      EgressRestClient client, HttpLogin login, Credentials credentials, ScanFilter filter) {
    List<SearchAnswers.Index> indices;
    try {
      EgressRestClient.Response listed = client.get(SearchAnswers.INDICES);
      if (!listed.ok()) {
        return ScanResult.failure(SearchAnswers.refusal(listed.status(), login, "list indices"));
      }
      indices =
          SearchAnswers.indices(listed.body()).stream()
              .filter(index -> filter.dataset(COLLECTION, index.name()))
              .sorted(Comparator.comparing(SearchAnswers.Index::name))
              .toList();
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    } catch (Exception e) {
      return ScanResult.failure(client.describe(e, credentials));
    }
    List<String> errors = new ArrayList<>();
    EgressRestClient.Response mappings = null;
    if (!indices.isEmpty()) {
      try {
        mappings = client.get("/_mapping");
        if (!mappings.ok()) {
          errors.add(SearchAnswers.refusal(mappings.status(), login, "read index mappings"));
        }
      } catch (Exception e) {
        errors.add(client.describe(e, credentials));
      }
    }
    List<DatasetMeta> datasets = new ArrayList<>();
    for (SearchAnswers.Index index : indices) {
      Map<String, String> properties = new LinkedHashMap<>();
      if (index.health() != null) {
        properties.put("health", index.health());
      }
      if (index.status() != null) {
        properties.put("status", index.status());
      }
      datasets.add(
          new DatasetMeta(
              COLLECTION,
              index.name(),
              DatasetKind.INDEX,
              mappings == null || !mappings.ok()
                  ? List.of()
                  : IndexMappings.columns(mappings.body(), index.name()),
              List.of(),
              index.docs(),
              null,
              properties));
    }
    return new ScanResult(datasets, errors, errors.isEmpty());
  }
}
