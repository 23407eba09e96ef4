package io.datadock.core.manifest.depot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.error.DatadockException;
import io.datadock.core.manifest.ApplyContext;
import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** Connection field kinds, checked through tenant-shape depots of each source type. */
class DepotConnectionFieldsTest {

  private final ManifestParser parser = new ManifestParser(ManifestLimits.defaults());
  private final ApplyContext ctx = new ApplyContext("alice", "engineering", null, null);

  private static String depot(String type, String connection) {
    return "name: d\nversion: v2alpha\ntype: depot\nspec:\n  type: "
        + type
        + "\n  spec: "
        + connection
        + "\n  secrets: [{id: 'engineering:cred', purpose: rw}]\n";
  }

  private SortedMap<String, Object> connection(String type, String connection) {
    return DepotManifestValidator.validate(parser.parse(depot(type, connection), false).get(0), ctx)
        .connection();
  }

  private void assertInvalid(String type, String connection, String field, String messagePart) {
    assertThatThrownBy(() -> connection(type, connection))
        .isInstanceOfSatisfying(
            DatadockException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(messagePart);
  }

  @Test
  void portsAcceptNumbersAndNumericStrings() {
    assertThat(connection("mysql", "{host: h, port: '3306'}")).containsEntry("port", 3306);
    assertInvalid("mysql", "{host: h, port: 0}", "spec.spec.port", "between 1 and 65535");
    assertInvalid("mysql", "{host: h, port: 3306.5}", "spec.spec.port", "between 1 and 65535");
    assertInvalid("mysql", "{host: h, port: -1}", "spec.spec.port", "between 1 and 65535");
  }

  @Test
  void stringsAcceptNumbersInTheirWrittenForm() {
    assertThat(connection("bigquery", "{project: 123456}")).containsEntry("project", "123456");
    assertInvalid("bigquery", "{project: ''}", "spec.spec.project", "must be a non-empty string");
    assertInvalid("bigquery", "{project: [a]}", "spec.spec.project", "must be a non-empty string");
  }

  @Test
  void nodeListsAcceptListsAndCommaSeparatedStrings() {
    assertThat(connection("kafka", "{brokers: 'k1:9092, k2:9092'}"))
        .containsEntry("brokers", List.of("k1:9092", "k2:9092"));
    assertThat(connection("elasticsearch", "{nodes: [es1:9200, es2:9200]}"))
        .containsEntry("nodes", List.of("es1:9200", "es2:9200"));
    assertInvalid("mongodb", "{nodes: []}", "spec.spec.nodes", "at least one entry");
    assertInvalid("mongodb", "{nodes: 'a,,b'}", "spec.spec.nodes", "non-empty entries");
    assertInvalid("opensearch", "{nodes: [a, '']}", "spec.spec.nodes[1]", "non-empty string");
  }

  @Test
  void paramsAreASortedMap() {
    SortedMap<String, Object> c =
        connection("bigquery", "{project: p, params: {zone: eu, maxResults: 10}}");
    assertThat(c.get("params")).isEqualTo(Map.of("maxResults", 10, "zone", "eu"));
    assertThat(c.get("params")).isInstanceOf(SortedMap.class);
    assertInvalid("bigquery", "{project: p, params: [a]}", "spec.spec.params", "mapping");
  }

  @Test
  void extraFieldsAreKeptUnchanged() {
    SortedMap<String, Object> c =
        connection(
            "s3", "{bucket: b, scheme: s3a, pathStyle: true, retries: 3, tags: [x], opts: {a: 1}}");
    assertThat(c)
        .containsEntry("pathStyle", true)
        .containsEntry("retries", 3)
        .containsEntry("tags", List.of("x"))
        .containsEntry("opts", Map.of("a", 1))
        .containsEntry("scheme", "s3a");
    assertInvalid(
        "s3", "{bucket: b, created: 2024-01-01}", "spec.spec.created", "must be a string");
  }

  @Test
  void typeSpecificRules() {
    assertThat(connection("eventhub", "{endpoint: 'sb://ns.servicebus.windows.net'}"))
        .containsKey("endpoint");
    assertInvalid(
        "eventhub", "{endpoint: 'https://ns'}", "spec.spec.endpoint", "must start with sb://");
    assertInvalid("abfss", "{account: a}", "spec.spec.container", "is required for a abfss depot");
    assertThat(connection("wasbs", "{account: a, container: c, endpoint: 'http://127.0.0.1:1'}"))
        .containsEntry("endpoint", "http://127.0.0.1:1");
    assertInvalid(
        "abfss",
        "{account: a, container: c, endpoint: 'http://x y'}",
        "spec.spec.endpoint",
        "must be an address without whitespace");
    assertThat(connection("gcs", "{bucket: b, endpoint: 'http://127.0.0.1:1'}"))
        .containsEntry("endpoint", "http://127.0.0.1:1");
    assertThat(connection("bigquery", "{project: p, endpoint: 'https://127.0.0.1:2'}"))
        .containsEntry("endpoint", "https://127.0.0.1:2");
    assertInvalid(
        "gcs", "{bucket: b, endpoint: 'http://x y'}", "spec.spec.endpoint", "without whitespace");
    assertInvalid(
        "bigquery", "{project: p, endpoint: 'https://u:pw@host'}", "spec.spec.endpoint", "user");
    assertInvalid(
        "oracle", "{host: h, port: 1521}", "spec.spec.service", "is required for a oracle depot");
  }

  @Test
  void longValuesAreEchoedTruncated() {
    String longValue = "x".repeat(200);
    assertThatThrownBy(() -> connection("mysql", "{host: h, port: " + longValue + "}"))
        .hasMessageContaining("x".repeat(64) + "...")
        .hasMessageNotContaining("x".repeat(65));
  }
}
