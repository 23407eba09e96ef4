package io.datadock.gateway.http.identity;

import static io.datadock.gateway.http.Requests.body;
import static io.datadock.gateway.http.Requests.caller;
import static io.datadock.gateway.http.Requests.instant;
import static io.datadock.gateway.http.Requests.required;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.Principal;
import io.datadock.core.manifest.Names;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.http.Endpoints;
import io.datadock.gateway.http.Responses;
import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Grants: tenant {@code owner} lets another tenant's depots, or the depots one user applies, use
 * one of its secrets. Given and withdrawn by an operator, a tenant admin of the owner, or the user
 * who owns the secret; a grant that user gave holds only while they own it. Withdrawing makes every
 * depot the grant may have let in ask again, so those that relied on it go to {@code error} and
 * stop resolving the secret.
 */
final class GrantApi implements Endpoints {

  private static final String USER_PREFIX = "user:";

  private final IdentityStore store;
  private final Authorizer authorizer;
  private final ResourceView resources;
  private final Clock clock;

  GrantApi(IdentityStore store, Authorizer authorizer, ResourceView resources, Clock clock) {
    this.store = store;
    this.authorizer = authorizer;
    this.resources = resources;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/tenants/:name/grants").handler(store.afterSync(this::handleList));
    router.post("/api/v1/tenants/:name/grants").handler(this::handleGrant);
    router.delete("/api/v1/tenants/:name/grants/:grantee/:secret").handler(this::handleWithdraw);
  }

  private void handleList(RoutingContext ctx) {
    String owner = ctx.pathParam("name");
    authorizer.read(caller(ctx), owner);
    JsonArray items = new JsonArray();
    for (ReferenceGrant g : store.directory().grantsOf(owner)) {
      items.add(
          new JsonObject()
              .put(g.getGranteeKind() == GranteeKind.USER ? "user" : "tenant", g.getGrantee())
              .put("secret", g.getSecret())
              .put("createdBy", g.getCreatedBy())
              .put("createdAt", instant(g.getCreatedAt()))
              .put("secretOwner", g.getSecretOwner())
              .put("instanceSecrets", g.getInstanceSecrets()));
    }
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleGrant(RoutingContext ctx) {
    Caller caller = caller(ctx);
    String owner = ctx.pathParam("name");
    JsonObject body = body(ctx);
    String secret = Names.secretName("secret", required(body, "secret"));
    boolean asSecretOwner = mayGrant(caller, owner, secret);
    boolean toUser = body.containsKey("user");
    if (toUser == body.containsKey("tenant")) {
      throw DatadockException.invalid(
          toUser ? "user" : "tenant", "name either a tenant or a user to grant the secret to");
    }
    String grantee;
    if (toUser) {
      grantee = Names.resourceName("user", required(body, "user"));
      if (store.directory().user(grantee).isEmpty()) {
        throw DatadockException.invalid("user", "user '" + grantee + "' does not exist");
      }
    } else {
      grantee = Names.resourceName("tenant", required(body, "tenant"));
      if (!store.directory().tenantExists(grantee)) {
        throw DatadockException.invalid("tenant", "tenant '" + grantee + "' does not exist");
      }
    }
    ReferenceGrant grant =
        ReferenceGrant.newBuilder()
            .setOwner(owner)
            .setGrantee(grantee)
            .setGranteeKind(toUser ? GranteeKind.USER : GranteeKind.TENANT)
            .setSecret(secret)
            .setCreatedBy(caller.id())
            .setCreatedAt(clock.millis())
            .setSecretOwner(asSecretOwner ? caller.id() : null)
            .setInstanceSecrets(mayUseInstanceSecrets(caller))
            .build();
    store.answerOnceRead(
        ctx,
        store.writer().grant(grant),
        201,
        new JsonObject()
            .put("owner", owner)
            .put(toUser ? "user" : "tenant", grantee)
            .put("secret", secret));
  }

  /** {@code grantee} is a tenant name, or {@code user:<id>} for a grant to a user. */
  private void handleWithdraw(RoutingContext ctx) {
    Caller caller = caller(ctx);
    String owner = ctx.pathParam("name");
    String secret = ctx.pathParam("secret");
    mayGrant(caller, owner, secret);
    String grantee = ctx.pathParam("grantee");
    GranteeKind kind = grantee.startsWith(USER_PREFIX) ? GranteeKind.USER : GranteeKind.TENANT;
    String name = kind == GranteeKind.USER ? grantee.substring(USER_PREFIX.length()) : grantee;
    Optional<ReferenceGrant> grant =
        store.directory().grantsOf(owner).stream()
            .filter(
                g ->
                    g.getGranteeKind() == kind
                        && g.getGrantee().equals(name)
                        && g.getSecret().equals(secret))
            .findFirst();
    if (grant.isEmpty()) {
      Responses.json(
          ctx,
          200,
          new JsonObject().put("outcome", "withdrawn").put("revalidated", new JsonArray()));
      return;
    }
    store.answerAfterGrantWithdrawn(
        ctx,
        grant.get(),
        clock.millis(),
        caller.id(),
        new JsonObject().put("outcome", "withdrawn"));
  }

  /**
   * An operator, a tenant admin of the owner, or the user who owns the secret.
   *
   * @return whether the caller may only as the secret's owner: their grant then holds only while
   *     they own it (secret-service decides that against the secret as it is when used)
   */
  private boolean mayGrant(Caller caller, String owner, String secret) {
    try {
      authorizer.tenantAdmin(caller, owner);
      return false;
    } catch (DatadockException e) {
      if (e.code() != ErrorCode.FORBIDDEN || !ownsSecret(caller, owner, secret)) {
        throw e;
      }
      return true;
    }
  }

  /**
   * A grant names a secret, not its kind: it opens the instance secret of its name only when its
   * giver may use instance secrets themselves.
   */
  private static boolean mayUseInstanceSecrets(Caller caller) {
    Principal p = caller.principal();
    return p.isOperator() || p.may(Principal.MANAGE_INSTANCE);
  }

  private boolean ownsSecret(Caller caller, String owner, String secret) {
    return ResourceKind.SECRETS.stream()
        .map(kind -> resources.get(new ResourceKey(owner, kind, null, secret).toString()))
        .flatMap(Optional::stream)
        .anyMatch(s -> s.getOwner().equals(caller.id()));
  }
}
