package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** What the API says of a depot's check and of its catalog, for the object store ITs. */
final class DepotCatalog {

  private final Api api;

  DepotCatalog(Api api) {
    this.api = api;
  }

  JsonObject depot(String name) {
    return new JsonObject(api.get("/api/v1/resources/depot/" + name).body());
  }

  /** The check's steps as "name status": "authenticate passed". */
  List<String> steps(JsonObject depot) {
    JsonArray steps = depot.getJsonObject("details").getJsonObject("check").getJsonArray("steps");
    return steps.stream()
        .map(JsonObject.class::cast)
        .map(s -> s.getString("name") + " " + s.getString("status"))
        .toList();
  }

  List<String> udls(String depot) {
    return new JsonObject(api.get("/api/v1/datasets?depot=" + depot).body())
        .getJsonArray("collections").stream()
            .map(JsonObject.class::cast)
            .flatMap(c -> c.getJsonArray("datasets").stream().map(JsonObject.class::cast))
            .map(d -> d.getString("udl"))
            .toList();
  }

  /** Waits until the depot's catalog holds exactly these datasets (its scan runs once active). */
  void awaitDatasets(String depot, String... udls) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(udls(depot)).containsExactlyInAnyOrder(udls));
  }

  JsonObject dataset(String udl) {
    return new JsonObject(
        api.get("/api/v1/datasets/" + URLEncoder.encode(udl, StandardCharsets.UTF_8)).body());
  }

  List<String> columns(String udl) {
    return dataset(udl).getJsonArray("columns").stream()
        .map(JsonObject.class::cast)
        .map(c -> c.getString("name"))
        .toList();
  }
}
