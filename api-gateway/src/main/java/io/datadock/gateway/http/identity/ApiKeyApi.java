package io.datadock.gateway.http.identity;

import static io.datadock.gateway.http.Requests.body;
import static io.datadock.gateway.http.Requests.caller;
import static io.datadock.gateway.http.Requests.instant;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.ApiKeys;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.Endpoints;
import io.datadock.gateway.http.Responses;
import io.datadock.schemas.identity.ApiKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * A user's API keys: listed, issued (the token is shown once; only its hash is kept) and revoked,
 * by an operator or the user itself.
 */
final class ApiKeyApi implements Endpoints {

  private final IdentityStore store;
  private final Authorizer authorizer;
  private final Clock clock;

  ApiKeyApi(IdentityStore store, Authorizer authorizer, Clock clock) {
    this.store = store;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/users/:id/apikeys").handler(store.afterSync(this::handleList));
    router.post("/api/v1/users/:id/apikeys").handler(this::handleCreate);
    router.delete("/api/v1/users/:id/apikeys/:keyId").handler(this::handleRevoke);
  }

  private void handleList(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    JsonArray items = new JsonArray();
    for (ApiKey key : store.directory().keysOf(userId)) {
      items.add(
          new JsonObject()
              .put("keyId", key.getKeyId())
              .put("createdAt", instant(key.getCreatedAt()))
              .put("expiresAt", instant(key.getExpiresAt()))
              .put("revoked", key.getRevokedAt() != null));
    }
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreate(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    store.existingUser(userId);
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : body(ctx);
    Long ttl = body.getLong("expiresInSeconds");
    if (ttl != null && ttl <= 0) {
      throw DatadockException.invalid("expiresInSeconds", "expiresInSeconds must be positive");
    }
    long now = clock.millis();
    Long expiresAt = ttl == null ? null : now + ttl * 1000;
    ApiKeys.Issued issued = ApiKeys.issue();
    ApiKey key =
        ApiKey.newBuilder()
            .setKeyId(issued.keyId())
            .setUserId(userId)
            .setHash(issued.hash())
            .setCreatedAt(now)
            .setExpiresAt(expiresAt)
            .build();
    store.answerOnceRead(
        ctx,
        store.writer().key(key),
        201,
        new JsonObject()
            .put("keyId", issued.keyId())
            .put("token", issued.token())
            .put("expiresAt", instant(expiresAt)));
  }

  private void handleRevoke(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    String keyId = ctx.pathParam("keyId");
    ApiKey key =
        store
            .directory()
            .key(keyId)
            .filter(k -> k.getUserId().equals(userId))
            .orElseThrow(
                () -> new DatadockException(ErrorCode.NOT_FOUND, "key '" + keyId + "' not found"));
    ApiKey revoked = ApiKey.newBuilder(key).setRevokedAt(clock.millis()).build();
    store.answerOnceRead(
        ctx,
        store.writer().key(revoked),
        200,
        new JsonObject().put("outcome", "revoked").put("keyId", key.getKeyId()));
  }
}
