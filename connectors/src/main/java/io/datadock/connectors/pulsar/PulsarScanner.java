package io.datadock.connectors.pulsar;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.TcpReach;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.HttpLogin;
import io.datadock.connectors.http.ServerUrl;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulsar's persistent topics as datasets: the depot's {@code tenant} (or every tenant listed), its
 * namespaces, and per namespace {@code GET /admin/v2/persistent/<tenant>/<namespace>}. Each topic
 * is a {@link DatasetKind#TOPIC} in the collection of its namespace ({@code tenant/namespace}); the
 * partitions of a partitioned topic ({@code <topic>-partition-<n>}) are one dataset with property
 * {@code partitions}.
 */
public final class PulsarScanner implements MetadataScanner {

  private static final Pattern PARTITION = Pattern.compile("^(.+)-partition-\\d+$");

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials secrets = credentials == null ? Credentials.none() : credentials;
    ScanFilter kept = filter == null ? ScanFilter.all() : filter;
    ServerUrl url;
    try {
      url = PulsarAdmin.url(connection);
    } catch (UnsafeConnectionField e) {
      return ScanResult.failure(e.getMessage());
    }
    Optional<String> unreachable =
        TcpReach.problem(url.host(), url.port(), egress.gate(), deadline);
    if (unreachable.isPresent()) {
      return ScanResult.failure(unreachable.get());
    }
    HttpLogin login = PulsarAdmin.login(secrets);
    try (EgressRestClient client = PulsarAdmin.client(url, login, egress.gate(), deadline)) {
      return read(client, login, connection.string("tenant"), login.redacting(secrets), kept);
    }
  }

  private static ScanResult read(
      EgressRestClient client,
      HttpLogin login,
      String tenant,
      Credentials credentials,
      ScanFilter filter) {
    List<String> namespaces = new ArrayList<>();
    try {
      List<String> tenants =
          tenant == null ? list(client, login, PulsarAdmin.TENANTS) : List.of(tenant);
      for (String each : tenants) {
        namespaces.addAll(list(client, login, PulsarAdmin.namespaces(each)));
      }
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    } catch (Exception e) {
      return ScanResult.failure(client.describe(e, credentials));
    }
    List<DatasetMeta> datasets = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String namespace : namespaces.stream().sorted().toList()) {
      if (!namespace.contains("/") || !filter.collection(namespace)) {
        continue;
      }
      try {
        Map<String, Integer> topics = new TreeMap<>();
        for (String topic : list(client, login, PulsarAdmin.topics(namespace))) {
          String name = topic.substring(topic.lastIndexOf('/') + 1);
          Matcher partition = PARTITION.matcher(name);
          topics.merge(
              partition.matches() ? partition.group(1) : name,
              partition.matches() ? 1 : 0,
              Integer::sum);
        }
        topics.forEach(
            (name, partitions) -> {
              if (filter.dataset(namespace, name)) {
                datasets.add(
                    new DatasetMeta(
                        namespace,
                        name,
                        DatasetKind.TOPIC,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        partitions == 0
                            ? Map.of()
                            : Map.of("partitions", String.valueOf(partitions))));
              }
            });
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      } catch (Exception e) {
        errors.add("namespace " + namespace + ": " + client.describe(e, credentials));
      }
    }
    return new ScanResult(datasets, errors, errors.isEmpty());
  }

  /** The names a listing call answers; a refusal as an {@link IllegalArgumentException}. */
  private static List<String> list(EgressRestClient client, HttpLogin login, String call)
      throws Exception {
    EgressRestClient.Response answer = client.get(call);
    if (!answer.ok()) {
      throw new IllegalArgumentException(
          login.refusal(answer.status(), "read " + call, "admin API"));
    }
    return PulsarAdmin.names(answer.body(), call);
  }
}
