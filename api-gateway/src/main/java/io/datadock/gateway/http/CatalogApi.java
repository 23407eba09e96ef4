package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.core.udl.Udl;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.view.CatalogView;
import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.DatasetColumn;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.catalog.ScanRun;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog's part of the API: datasets as a tree per depot, one dataset by UDL, a depot's scan
 * runs, and on-demand rescans. Answered from the gateway's views; a caller sees its own tenant only
 * ({@code tenant=} chooses another, as for resources).
 */
final class CatalogApi {

  private final CatalogView catalog;
  private final ResourceView resources;
  private final CommandPublisher publisher;
  private final Authorizer authorizer;

  CatalogApi(
      CatalogView catalog,
      ResourceView resources,
      CommandPublisher publisher,
      Authorizer authorizer) {
    this.catalog = catalog;
    this.resources = resources;
    this.publisher = publisher;
    this.authorizer = authorizer;
  }

  void mount(Router router) {
    router.get("/api/v1/datasets").handler(this::handleTree);
    router
        .getWithRegex("/api/v1/datasets/(?<udl>.+)")
        .setName("/api/v1/datasets/:udl")
        .handler(this::handleDataset);
    router.get("/api/v1/depots/:name/scans").handler(this::handleRuns);
    router.post("/api/v1/depots/:name/scan").handler(this::handleRescan);
  }

  private void handleTree(RoutingContext ctx) {
    String depot = ctx.queryParams().get("depot");
    if (depot == null || depot.isBlank()) {
      throw new DatadockException(
          ErrorCode.MALFORMED, "the depot query parameter is required: ?depot=NAME", "depot");
    }
    ResourceState state = depot(ctx, depot);
    Map<String, JsonArray> collections = new LinkedHashMap<>();
    for (Dataset d : catalog.datasetsOf(state.getResourceKey())) {
      collections
          .computeIfAbsent(d.getCollection(), c -> new JsonArray())
          .add(
              new JsonObject()
                  .put("name", d.getName())
                  .put("udl", d.getUdl())
                  .put("kind", d.getKind())
                  .put("columns", d.getColumns().size()));
    }
    JsonArray tree = new JsonArray();
    collections.forEach(
        (name, datasets) -> tree.add(new JsonObject().put("name", name).put("datasets", datasets)));
    Responses.json(
        ctx,
        200,
        new JsonObject()
            .put("depot", state.getName())
            .put("tenant", state.getTenant())
            .put("status", state.getStatus())
            .put("collections", tree));
  }

  private void handleDataset(RoutingContext ctx) {
    String text = URLDecoder.decode(ctx.pathParam("udl"), StandardCharsets.UTF_8);
    Udl udl = Udl.parse(text);
    if (udl.dataset() == null) {
      throw new DatadockException(
          ErrorCode.MALFORMED,
          "'" + text + "' names no dataset: expected dataos://<depot>/<collection>/<dataset>",
          "udl");
    }
    ResourceState state = depot(ctx, udl.depot());
    Dataset dataset =
        catalog
            .dataset(state.getTenant() + "/" + udl)
            .orElseThrow(
                () -> new DatadockException(ErrorCode.NOT_FOUND, "dataset " + udl + " not found"));
    Responses.json(ctx, 200, datasetJson(dataset));
  }

  private void handleRuns(RoutingContext ctx) {
    ResourceState state = depot(ctx, ctx.pathParam("name"));
    JsonArray items = new JsonArray();
    catalog.runsOf(state.getResourceKey()).forEach(run -> items.add(runJson(run)));
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleRescan(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    ResourceState state = depot(ctx, ctx.pathParam("name"));
    authorizer.write(caller, ResourceKey.parse(state.getResourceKey()), state);
    if (!ResourceStatus.ACTIVE.is(state.getStatus())) {
      throw new DatadockException(
          ErrorCode.CONFLICT,
          "depot '"
              + state.getName()
              + "' is "
              + state.getStatus()
              + ": only an active depot is scanned");
    }
    ScanRequest request =
        ScanRequest.newBuilder()
            .setScanId(UUID.randomUUID().toString())
            .setDepotKey(state.getResourceKey())
            .setRequestedBy(caller.id())
            .setRequestedAt(System.currentTimeMillis())
            .build();
    Future.fromCompletionStage(publisher.publish(request), ctx.vertx().getOrCreateContext())
        .onSuccess(
            ack ->
                Responses.json(
                    ctx,
                    202,
                    new JsonObject()
                        .put("depot", state.getName())
                        .put("outcome", "requested")
                        .put("requestId", request.getScanId())))
        .onFailure(ctx::fail);
  }

  /** The depot a catalog call names, in the caller's tenant (or {@code tenant=}). */
  private ResourceState depot(RoutingContext ctx, String name) {
    Caller caller = Requests.caller(ctx);
    return resources
        .get(ResourceKey.of(Requests.tenant(ctx), ResourceKind.DEPOT, name).toString())
        .filter(s -> caller.principal().memberOf(s.getTenant()))
        .orElseThrow(
            () -> new DatadockException(ErrorCode.NOT_FOUND, "depot '" + name + "' not found"));
  }

  private static JsonObject datasetJson(Dataset d) {
    JsonArray columns = new JsonArray();
    for (DatasetColumn c : d.getColumns()) {
      columns.add(
          new JsonObject()
              .put("name", c.getName())
              .put("type", c.getType())
              .put("nullable", c.getNullable())
              .put("position", c.getPosition()));
    }
    return new JsonObject()
        .put("udl", d.getUdl())
        .put("depot", d.getDepot())
        .put("tenant", d.getTenant())
        .put("sourceType", d.getSourceType())
        .put("collection", d.getCollection())
        .put("name", d.getName())
        .put("kind", d.getKind())
        .put("columns", columns)
        .put("primaryKey", new JsonArray(List.copyOf(d.getPrimaryKey())))
        .put("rowEstimate", d.getRowEstimate())
        .put("description", d.getDescription())
        .put("properties", new JsonObject(Map.copyOf(d.getProperties())))
        .put("fingerprint", d.getFingerprint())
        .put("scannedAt", Instant.ofEpochMilli(d.getScannedAt()).toString());
  }

  private static JsonObject runJson(ScanRun r) {
    return new JsonObject()
        .put("scanId", r.getScanId())
        .put("trigger", r.getTrigger())
        .put("status", r.getStatus())
        .put("datasetsSeen", r.getDatasetsSeen())
        .put("objectsListed", r.getObjectsListed())
        .put("added", r.getAdded())
        .put("changed", r.getChanged())
        .put("removed", r.getRemoved())
        .put("errors", new JsonArray(List.copyOf(r.getErrors())))
        .put("startedAt", Instant.ofEpochMilli(r.getStartedAt()).toString())
        .put(
            "finishedAt",
            r.getFinishedAt() == null ? null : Instant.ofEpochMilli(r.getFinishedAt()).toString())
        .put("durationMs", r.getDurationMs());
  }
}
