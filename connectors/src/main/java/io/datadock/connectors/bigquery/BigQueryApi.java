package io.datadock.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.google.GoogleSession;
import io.datadock.connectors.google.TokenGrant;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.ServerUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The BigQuery REST API ({@code /bigquery/v2}) calls a check and a scan make for a depot's {@code
 * project}, at its {@code endpoint} ({@code http(s)://host:port}) or {@value #DEFAULT_ENDPOINT}, in
 * a {@link GoogleSession} (gcs's {@link TokenGrant}) with scope {@value #SCOPE}.
 */
final class BigQueryApi {

  static final String DEFAULT_ENDPOINT = "https://bigquery.googleapis.com";
  static final String SCOPE = "https://www.googleapis.com/auth/bigquery.readonly";

  /** One page of a listing: the items' JSON and the next page's token, or null. */
  record Page(List<JsonNode> items, String next) {}

  /** A call answered with an error status: the status, for the caller's message. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status) {
      super("HTTP " + status);
      this.status = status;
    }
  }

  private BigQueryApi() {}

  /**
   * @throws UnsafeConnectionField when {@code project} is missing or {@code endpoint} is not a
   *     server's URL
   */
  static String project(SourceConnection connection) {
    String project = connection.string("project");
    if (project == null || project.isBlank()) {
      throw new UnsafeConnectionField("the connection has no 'project'");
    }
    return project.trim();
  }

  /**
   * @throws UnsafeConnectionField when {@code endpoint} is not a server's URL
   */
  static ServerUrl endpoint(SourceConnection connection) {
    String text = connection.string("endpoint");
    return ServerUrl.parse(
        text == null || text.isBlank() ? DEFAULT_ENDPOINT : text,
        "endpoint",
        Map.of("http", 80, "https", 443));
  }

  /** A session with the endpoint. */
  static GoogleSession login(
      ServerUrl endpoint, Credentials credentials, EgressGate gate, Deadline deadline)
      throws GoogleSession.Failed {
    return GoogleSession.open(
        "BigQuery API", endpoint.toString(), endpoint.port(), SCOPE, credentials, gate, deadline);
  }

  static String datasets(String project) {
    return "/bigquery/v2/projects/" + encode(project) + "/datasets";
  }

  static String tables(String project, String dataset) {
    return datasets(project) + "/" + encode(dataset) + "/tables";
  }

  static String table(String project, String dataset, String table) {
    return tables(project, dataset) + "/" + encode(table);
  }

  /** One page of a list call ({@code datasets}, {@code tables}) under {@code field}. */
  static Page page(EgressRestClient client, String path, String field, String pageToken)
      throws Exception {
    EgressRestClient.Response answer =
        client.get(path + (pageToken == null ? "" : "?pageToken=" + encode(pageToken)));
    if (!answer.ok()) {
      throw new Refused(answer.status());
    }
    JsonNode body = answer.body();
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException(
          "the answer to " + path + " is not JSON: is the endpoint BigQuery's API?");
    }
    List<JsonNode> items = new ArrayList<>();
    body.path(field).forEach(items::add);
    JsonNode next = body.get("nextPageToken");
    return new Page(items, next == null || !next.isTextual() ? null : next.asText());
  }

  /** The resource of a get call ({@code tables.get}). */
  static JsonNode get(EgressRestClient client, String path) throws Exception {
    EgressRestClient.Response answer = client.get(path);
    if (!answer.ok()) {
      throw new Refused(answer.status());
    }
    if (answer.body() == null || !answer.body().isObject()) {
      throw new IllegalArgumentException(
          "the answer to " + path + " is not JSON: is the endpoint BigQuery's API?");
    }
    return answer.body();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
