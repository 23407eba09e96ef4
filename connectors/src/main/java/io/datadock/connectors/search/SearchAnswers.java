package io.datadock.connectors.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.http.HttpLogin;
import java.util.ArrayList;
import java.util.List;

/**
 * What the search REST answers mean: the documented JSON of {@code _cluster/health} and {@code
 * _cat/indices?format=json}, and the words for a refused request.
 */
final class SearchAnswers {

  /** Every index, open or closed, as JSON, with the columns the scan uses. */
  static final String INDICES = "/_cat/indices?format=json&h=index,health,status,docs.count";

  /** One row of {@code _cat/indices}. */
  record Index(String name, String health, String status, Long docs) {}

  private SearchAnswers() {}

  static boolean isHealth(JsonNode body) {
    return body != null && body.hasNonNull("cluster_name") && body.hasNonNull("status");
  }

  /** {@code cluster 'name' is green, 3 nodes}. */
  static String describeHealth(JsonNode health) {
    int nodes = health.path("number_of_nodes").asInt(0);
    return "cluster '"
        + health.get("cluster_name").asText()
        + "' is "
        + health.get("status").asText()
        + ", "
        + nodes
        + (nodes == 1 ? " node" : " nodes");
  }

  /** Why a request with this login was answered {@code status}. */
  static String refusal(int status, HttpLogin login, String action) {
    String refusal = login.refusal(status, action, "cluster");
    return status == 401 || status == 403
        ? refusal
        : refusal + ": is this an Elasticsearch or OpenSearch node?";
  }

  /**
   * The indices of a {@code _cat/indices} answer, without hidden and system ones (names starting
   * with "."), in the order listed.
   *
   * @throws IllegalArgumentException when the body is not such a list
   */
  static List<Index> indices(JsonNode body) {
    if (body == null || !body.isArray()) {
      throw new IllegalArgumentException(
          "the answer to /_cat/indices is not a list of indices: is this an Elasticsearch or"
              + " OpenSearch node?");
    }
    List<Index> indices = new ArrayList<>();
    for (JsonNode row : body) {
      String name = row.path("index").asText("");
      if (name.isEmpty() || name.startsWith(".")) {
        continue;
      }
      JsonNode docs = row.path("docs.count");
      indices.add(
          new Index(
              name,
              row.path("health").asText(null),
              row.path("status").asText(null),
              docs.isMissingNode() || docs.isNull() || docs.asText().isEmpty()
                  ? null
                  : docs.asLong()));
    }
    return indices;
  }
}
