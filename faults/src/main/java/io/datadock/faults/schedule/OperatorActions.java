package io.datadock.faults.schedule;

import io.datadock.faults.cluster.FaultCluster;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator actions a schedule runs during the load, through the admin APIs an operator uses: a
 * key rotation on secret-service, a replay through the gateway. Each returns what it did, as the
 * schedule's target line says it.
 */
final class OperatorActions {

  private final FaultCluster cluster;
  private final String adminToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  OperatorActions(FaultCluster cluster, String adminToken) {
    this.cluster = cluster;
    this.adminToken = adminToken;
  }

  /** Rotates on every secret-service instance: each re-seals the secrets of its partitions. */
  String rotateKeys() throws Exception {
    List<String> done = new ArrayList<>();
    for (String id : FaultCluster.SERVICES) {
      if (id.startsWith("secret")) {
        JsonObject report =
            new JsonObject(post(cluster.services().url(id) + "/internal/v1/keys/rotate", "{}"));
        done.add(
            id
                + " key "
                + report.getString("newKeyId")
                + " reseals "
                + report.getInteger("resealsSubmitted"));
      }
    }
    return String.join(", ", done);
  }

  /** {@code admin replay} of one service; says whether its digest came back equal. */
  String replay(String service) throws Exception {
    JsonObject report =
        new JsonObject(
            post(
                cluster.gatewayUrls().get(0) + "/api/v1/admin/replay?timeoutSeconds=240",
                new JsonObject().put("service", service).encode()));
    return service
        + "-service replay equal="
        + report.getBoolean("equal")
        + " took "
        + report.getLong("tookMs")
        + " ms";
  }

  private String post(String url, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
