package io.datadock.gateway.http.resources;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.apply.ApplyService;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.http.AfterSync;
import io.datadock.gateway.http.ErrorResponder;
import io.datadock.gateway.http.Requests;
import io.datadock.gateway.http.ResourceJson;
import io.datadock.gateway.http.Responses;
import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Secrets, instance secrets and depots: apply ({@link ApplyHandler}), list, get (redacted, or with
 * the values from secret-service for {@code unsanitize=true}) and delete. Reads are answered from
 * the gateway's view once it holds every change written before the read ({@code viewSync}): an
 * answer any gateway gave is never contradicted by a later read on another. A tenant the caller is
 * not a member of shows nothing (404, not 403).
 */
public final class ResourceApi {

  /**
   * What the resource endpoints work with.
   *
   * @param viewSync completes once the view holds every change written to {@code resource.state}
   *     before the call
   */
  public record Services(
      ApplyService apply,
      ResourceView view,
      Supplier<CompletableFuture<Void>> viewSync,
      Unsanitizer unsanitizer) {}

  private final Services services;
  private final Authorizer authorizer;

  public ResourceApi(Services services, Authorizer authorizer) {
    this.services = services;
    this.authorizer = authorizer;
  }

  /**
   * @param manifestWorkers where manifests are parsed and validated, off the event loop
   */
  public void mount(Router router, WorkerExecutor manifestWorkers) {
    ApplyHandler apply = new ApplyHandler(services.apply(), authorizer, manifestWorkers);
    router.post("/api/v1/resources").handler(apply::handle);
    // Without the wait, a read on one gateway right after another answered an apply showed the
    // version before it (the million-apply soak: 2 such reads in 1.1 million operations).
    router.get("/api/v1/resources").handler(AfterSync.read(services.viewSync(), this::handleList));
    router
        .get("/api/v1/resources/:type/:name")
        .handler(AfterSync.read(services.viewSync(), this::handleGet));
    router.delete("/api/v1/resources/:type/:name").handler(this::handleDelete);
  }

  private void handleList(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    ResourceKind type = Requests.typeQuery(ctx);
    String tenant = Requests.tenant(ctx);
    authorizer.read(caller, tenant);
    String name = ctx.queryParams().get("name");
    String workspace = ctx.queryParams().get("workspace");
    boolean all = Requests.flag(ctx, "all");
    Predicate<ResourceState> filter =
        s ->
            s.getTenant().equals(tenant)
                && (type == null || type.is(s.getKind()))
                && (name == null || s.getName().equals(name))
                && (workspace == null || workspace.equals(s.getWorkspace()))
                && (all || s.getOwner().equals(caller.id()));
    JsonArray items = new JsonArray();
    services.view().list(filter).forEach(s -> items.add(ResourceJson.summary(s)));
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleGet(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    ResourceState state = find(ctx, caller).orElseThrow(() -> notFound(ctx));
    if (!Requests.flag(ctx, "unsanitize")) {
      Responses.json(ctx, 200, ResourceJson.full(state));
      return;
    }
    authorizer.unsanitize(caller);
    services
        .unsanitizer()
        .unsanitize(Requests.token(ctx), state.getResourceKey())
        .onSuccess(fields -> Responses.json(ctx, 200, ResourceJson.unsanitized(state, fields)))
        .onFailure(ctx::fail);
  }

  private void handleDelete(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    ResourceKey key =
        find(ctx, caller)
            .map(s -> ResourceKey.parse(s.getResourceKey()))
            .orElseGet(() -> keyOf(ctx));
    ResourceState existing = find(ctx, caller).orElse(null);
    String version = existing == null ? null : existing.getManifestVersion();
    if (!caller.principal().memberOf(key.tenant())) {
      throw notFound(ctx);
    }
    authorizer.write(caller, key, existing);
    boolean force = Requests.flag(ctx, "force");
    if (force && !caller.principal().isOperator()) {
      throw new DatadockException(ErrorCode.FORBIDDEN, Authorizer.FORBIDDEN_OPERATOR);
    }
    Future.fromCompletionStage(
            services.apply().delete(caller, key, version, force), ctx.vertx().getOrCreateContext())
        .onSuccess(
            r -> {
              if (r.failed()) {
                ErrorResponder.send(ctx, r.error());
              } else {
                Responses.json(
                    ctx,
                    200,
                    new JsonObject()
                        .put("outcome", "deleted")
                        .put("name", key.name())
                        .put("type", key.kind().wireName())
                        .put("resourceVersion", String.valueOf(r.resourceVersion())));
              }
            })
        .onFailure(ctx::fail);
  }

  /**
   * The resource a path names: tenant-level first, then the workspace (default public). A tenant
   * the caller is not a member of shows nothing: its resources are "not found", not forbidden.
   */
  private Optional<ResourceState> find(RoutingContext ctx, Caller caller) {
    ResourceKey key = keyOf(ctx);
    if (!caller.principal().memberOf(key.tenant())) {
      return Optional.empty();
    }
    ResourceView view = services.view();
    Optional<ResourceState> found = view.get(key.toString());
    if (found.isEmpty() && key.workspace() == null && key.kind() == ResourceKind.SECRET) {
      found = view.get(new ResourceKey(key.tenant(), key.kind(), "public", key.name()).toString());
    }
    return found;
  }

  private static ResourceKey keyOf(RoutingContext ctx) {
    ResourceKind type = Requests.resourceType(ctx.pathParam("type"));
    return new ResourceKey(
        Requests.tenant(ctx), type, ctx.queryParams().get("workspace"), ctx.pathParam("name"));
  }

  private static DatadockException notFound(RoutingContext ctx) {
    return new DatadockException(
        ErrorCode.NOT_FOUND, ctx.pathParam("type") + " '" + ctx.pathParam("name") + "' not found");
  }
}
