package io.datadock.gateway.http.identity;

import static io.datadock.gateway.http.Requests.body;
import static io.datadock.gateway.http.Requests.caller;
import static io.datadock.gateway.http.Requests.required;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.Principal;
import io.datadock.core.manifest.Names;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.http.Endpoints;
import io.datadock.gateway.http.Responses;
import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.GrantKeys;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.Tenant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tenants: a caller lists those it is a member of; operators create them and delete empty ones (a
 * tenant that still has resources is a 409).
 */
final class TenantApi implements Endpoints {

  private final IdentityStore store;
  private final Authorizer authorizer;
  private final ResourceView resources;
  private final Clock clock;

  TenantApi(IdentityStore store, Authorizer authorizer, ResourceView resources, Clock clock) {
    this.store = store;
    this.authorizer = authorizer;
    this.resources = resources;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/tenants").handler(store.afterSync(this::handleList));
    router.post("/api/v1/tenants").handler(this::handleCreate);
    router.delete("/api/v1/tenants/:name").handler(this::handleDelete);
  }

  private void handleList(RoutingContext ctx) {
    Principal p = caller(ctx).principal();
    JsonArray items = new JsonArray();
    store.directory().tenants().stream()
        .filter(t -> p.memberOf(t.getName()))
        .forEach(t -> items.add(new JsonObject().put("name", t.getName())));
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreate(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    String name = Names.resourceName("name", required(body(ctx), "name"));
    if (store.directory().tenantExists(name)) {
      throw new DatadockException(ErrorCode.CONFLICT, "tenant '" + name + "' exists", "name");
    }
    Tenant tenant =
        Tenant.newBuilder()
            .setName(name)
            .setCreatedAt(clock.millis())
            .setCreatedBy(caller.id())
            .build();
    store.answerOnceRead(
        ctx, store.writer().tenant(tenant), 201, new JsonObject().put("name", name));
  }

  private void handleDelete(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    String name = ctx.pathParam("name");
    if (!store.directory().tenantExists(name)) {
      throw new DatadockException(ErrorCode.NOT_FOUND, "tenant '" + name + "' not found");
    }
    int left = resources.list(s -> s.getTenant().equals(name)).size();
    if (left > 0) {
      throw new DatadockException(
          ErrorCode.CONFLICT,
          "cannot delete tenant '" + name + "': it still has " + left + " resources");
    }
    // A tenant created later under the name must neither be granted what this one was, nor have its
    // secrets opened by the grants this one gave.
    List<ReferenceGrant> grants =
        Stream.concat(
                store.directory().grantsOf(name).stream(),
                store.directory().grantsTo(GranteeKind.TENANT, name).stream())
            .distinct()
            .toList();
    JsonArray withdrawn = new JsonArray();
    grants.forEach(g -> withdrawn.add(GrantKeys.of(g)));
    store.answerOnceRead(
        ctx,
        store
            .withdrawAll(grants, clock.millis())
            .thenCompose(v -> store.writer().deleteTenant(name)),
        200,
        new JsonObject()
            .put("outcome", "deleted")
            .put("name", name)
            .put("grantsWithdrawn", withdrawn));
  }
}
