package io.datadock.gateway.http;

import static io.datadock.gateway.http.Requests.body;
import static io.datadock.gateway.http.Requests.caller;
import static io.datadock.gateway.http.Requests.instant;
import static io.datadock.gateway.http.Requests.required;
import static io.datadock.gateway.http.Requests.strings;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.ApiKeys;
import io.datadock.core.identity.Principal;
import io.datadock.core.manifest.Names;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.identity.AccessRevalidation;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.gateway.view.ResourceView;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.identity.ApiKey;
import io.datadock.schemas.identity.Tenant;
import io.datadock.schemas.identity.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Users, API keys and tenants over HTTP. Operators manage users and tenants; a user may also manage
 * its own keys; tenant admins manage their tenant's grants only (not users, keys or tenants, so
 * they hand out no roles, use-cases or memberships). Every write waits until the gateway's
 * directory has read it back, so the next request already sees it (a new key works, a revoked one
 * does not).
 */
final class IdentityApi {

  private static final Set<String> TYPES = Set.of("person", "application");
  private static final Set<String> USE_CASES =
      Set.of(Principal.READ_SECRET, Principal.UNSANITIZE, Principal.MANAGE_INSTANCE);

  private final IdentityDirectory directory;
  private final IdentityWriter writer;
  private final AccessRevalidation revalidation;
  private final Authorizer authorizer;
  private final ResourceView resources;
  private final Clock clock;

  IdentityApi(
      IdentityServices identity, Authorizer authorizer, ResourceView resources, Clock clock) {
    this.directory = identity.directory();
    this.writer = identity.writer();
    this.revalidation = identity.revalidation();
    this.authorizer = authorizer;
    this.resources = resources;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/v1/users/me").handler(this::handleMe);
    router.get("/api/v1/users").handler(this::handleUsers);
    router.post("/api/v1/users").handler(this::handleCreateUser);
    router.put("/api/v1/users/:id").handler(this::handleUpdateUser);
    router.put("/api/v1/users/:id/tags/:tag").handler(this::handleAddTag);
    router.delete("/api/v1/users/:id/tags/:tag").handler(this::handleRemoveTag);
    router.delete("/api/v1/users/:id").handler(this::handleDeleteUser);
    router.get("/api/v1/users/:id/apikeys").handler(this::handleKeys);
    router.post("/api/v1/users/:id/apikeys").handler(this::handleCreateKey);
    router.delete("/api/v1/users/:id/apikeys/:keyId").handler(this::handleRevoke);
    router.get("/api/v1/tenants").handler(this::handleTenants);
    router.post("/api/v1/tenants").handler(this::handleCreateTenant);
    router.delete("/api/v1/tenants/:name").handler(this::handleDeleteTenant);
  }

  private void handleMe(RoutingContext ctx) {
    Principal p = caller(ctx).principal();
    HttpApi.json(
        ctx,
        200,
        new JsonObject()
            .put("id", p.id())
            .put("name", p.name())
            .put("type", p.type())
            .put("tenants", sorted(p.tenants()))
            .put("tags", sorted(p.tags()))
            .put("useCases", sorted(p.useCases())));
  }

  private void handleUsers(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    JsonArray items = new JsonArray();
    directory.users().forEach(u -> items.add(userJson(u)));
    HttpApi.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreateUser(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    JsonObject body = body(ctx);
    String id = Names.resourceName("id", required(body, "id"));
    if (directory.user(id).isPresent() || id.equals("admin")) {
      throw new DatadockException(ErrorCode.CONFLICT, "user '" + id + "' exists", "id");
    }
    User user = user(id, body, clock.millis(), caller.id());
    written(ctx, writer.user(user), 201, userJson(user));
  }

  /**
   * Replaces a user's name, tenants, tags and use-cases. When that takes something away, every
   * depot the user applied asks secret-service again whether they may still use its secrets.
   */
  private void handleUpdateUser(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    User before = existingUser(ctx.pathParam("id"));
    User after = user(before.getId(), body(ctx), before.getCreatedAt(), before.getCreatedBy());
    answerAfterRevalidation(
        ctx,
        writer.user(after),
        IdentityDirectory.principal(before),
        IdentityDirectory.principal(after),
        userJson(after));
  }

  /**
   * Gives a user one more tag (operators), checked as on creation; a tag the user holds already is
   * left as it is. The answer waits until the directory has read the change back, so the user's
   * next request has the tag ({@code dataos-ctl user tag add}).
   */
  private void handleAddTag(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    User before = existingUser(ctx.pathParam("id"));
    String tag = ctx.pathParam("tag");
    checkTag(tag, before.getId(), before.getTenants(), "tag");
    if (before.getTags().contains(tag)) {
      HttpApi.json(ctx, 200, userJson(before));
      return;
    }
    List<String> tags = new ArrayList<>(before.getTags());
    tags.add(tag);
    User after = User.newBuilder(before).setTags(tags).build();
    written(ctx, writer.user(after), 200, userJson(after));
  }

  /**
   * Takes a tag from a user (operators); a tag the user does not hold is nothing to take. A role
   * taken away may take a permission with it: as after {@code PUT}, every depot the user applied
   * asks secret-service again. The user's own {@code users:id:} tag stays (422).
   */
  private void handleRemoveTag(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    User before = existingUser(ctx.pathParam("id"));
    String tag = ctx.pathParam("tag");
    if (tag.equals("users:id:" + before.getId())) {
      throw DatadockException.invalid(
          "tag", "tag '" + tag + "' is the user's own and cannot be taken away");
    }
    List<String> tags = new ArrayList<>(before.getTags());
    tags.remove(tag);
    User after = User.newBuilder(before).setTags(tags).build();
    answerAfterRevalidation(
        ctx,
        writer.user(after),
        IdentityDirectory.principal(before),
        IdentityDirectory.principal(after),
        userJson(after));
  }

  /** Removes a user: their keys stop working and the depots they applied lose their secrets. */
  private void handleDeleteUser(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    User before = existingUser(ctx.pathParam("id"));
    answerAfterRevalidation(
        ctx,
        writer.deleteUser(before.getId()),
        IdentityDirectory.principal(before),
        null,
        new JsonObject().put("outcome", "deleted").put("id", before.getId()));
  }

  private User existingUser(String id) {
    return directory
        .user(id)
        .orElseThrow(
            () -> new DatadockException(ErrorCode.NOT_FOUND, "user '" + id + "' not found"));
  }

  private void answerAfterRevalidation(
      RoutingContext ctx,
      CompletableFuture<Void> write,
      Principal before,
      Principal after,
      JsonObject answer) {
    Future.fromCompletionStage(
            write
                .thenCompose(v -> directory.sync())
                .thenCompose(v -> revalidation.afterUserChanged(before, after, caller(ctx).id())),
            ctx.vertx().getOrCreateContext())
        .onSuccess(
            depots -> HttpApi.json(ctx, 200, answer.put("revalidated", new JsonArray(depots))))
        .onFailure(ctx::fail);
  }

  /** A user record from a request body, every field checked. */
  private User user(String id, JsonObject body, long createdAt, String createdBy) {
    String type = body.getString("type", "person");
    if (!TYPES.contains(type)) {
      throw DatadockException.invalid("type", "type must be person or application");
    }
    List<String> tenants = strings(body, "tenants");
    for (String tenant : tenants) {
      if (!directory.tenantExists(tenant)) {
        throw DatadockException.invalid("tenants", "tenant '" + tenant + "' does not exist");
      }
    }
    List<String> tags = strings(body, "tags");
    tags.forEach(tag -> checkTag(tag, id, tenants, "tags"));
    List<String> useCases = strings(body, "useCases");
    for (String useCase : useCases) {
      if (!USE_CASES.contains(useCase)) {
        throw DatadockException.invalid(
            "useCases",
            "unknown use-case '"
                + useCase
                + "', expected read-secret, unsanitize-resource or manage-instance-level-resources");
      }
    }
    List<String> allTags = new ArrayList<>(tags);
    if (!allTags.contains("users:id:" + id)) {
      allTags.add("users:id:" + id);
    }
    return User.newBuilder()
        .setId(id)
        .setName(body.getString("name", id))
        .setEmail(body.getString("email"))
        .setType(type)
        .setTenants(tenants)
        .setTags(allTags)
        .setUseCases(useCases)
        .setCreatedAt(createdAt)
        .setCreatedBy(createdBy)
        .build();
  }

  /**
   * A role, or the user's own {@code users:id:} tag (another user's would let it pass for that user
   * wherever tags are matched); a tenant-admin tag names one of the user's tenants.
   */
  private static void checkTag(String tag, String id, List<String> tenants, String field) {
    if (!tag.startsWith("roles:id:") && !tag.startsWith("users:id:")) {
      throw DatadockException.invalid(
          field, "tag '" + tag + "' must start with roles:id: or users:id:");
    }
    if (tag.startsWith("users:id:") && !tag.equals("users:id:" + id)) {
      throw DatadockException.invalid(
          field, "tag '" + tag + "' names another user; a user's own tag is users:id:" + id);
    }
    String adminOf = Authorizer.TENANT_ADMIN_OF;
    if (tag.startsWith(adminOf) && !tenants.contains(tag.substring(adminOf.length()))) {
      throw DatadockException.invalid(
          field,
          "tag '"
              + tag
              + "' makes the user admin of tenant '"
              + tag.substring(adminOf.length())
              + "', which is not one of its tenants");
    }
  }

  private void handleKeys(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    JsonArray items = new JsonArray();
    for (ApiKey key : directory.keysOf(userId)) {
      items.add(
          new JsonObject()
              .put("keyId", key.getKeyId())
              .put("createdAt", instant(key.getCreatedAt()))
              .put("expiresAt", instant(key.getExpiresAt()))
              .put("revoked", key.getRevokedAt() != null));
    }
    HttpApi.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreateKey(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    if (directory.user(userId).isEmpty()) {
      throw new DatadockException(ErrorCode.NOT_FOUND, "user '" + userId + "' not found");
    }
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
    written(
        ctx,
        writer.key(key),
        201,
        new JsonObject()
            .put("keyId", issued.keyId())
            .put("token", issued.token())
            .put("expiresAt", instant(expiresAt)));
  }

  private void handleRevoke(RoutingContext ctx) {
    String userId = ctx.pathParam("id");
    authorizer.keysOf(caller(ctx), userId);
    ApiKey key =
        directory
            .key(ctx.pathParam("keyId"))
            .filter(k -> k.getUserId().equals(userId))
            .orElseThrow(
                () ->
                    new DatadockException(
                        ErrorCode.NOT_FOUND, "key '" + ctx.pathParam("keyId") + "' not found"));
    ApiKey revoked = ApiKey.newBuilder(key).setRevokedAt(clock.millis()).build();
    written(
        ctx,
        writer.key(revoked),
        200,
        new JsonObject().put("outcome", "revoked").put("keyId", key.getKeyId()));
  }

  private void handleTenants(RoutingContext ctx) {
    Principal p = caller(ctx).principal();
    JsonArray items = new JsonArray();
    directory.tenants().stream()
        .filter(t -> p.memberOf(t.getName()))
        .forEach(t -> items.add(new JsonObject().put("name", t.getName())));
    HttpApi.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreateTenant(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    String name = Names.resourceName("name", required(body(ctx), "name"));
    if (directory.tenantExists(name)) {
      throw new DatadockException(ErrorCode.CONFLICT, "tenant '" + name + "' exists", "name");
    }
    Tenant tenant =
        Tenant.newBuilder()
            .setName(name)
            .setCreatedAt(clock.millis())
            .setCreatedBy(caller.id())
            .build();
    written(ctx, writer.tenant(tenant), 201, new JsonObject().put("name", name));
  }

  private void handleDeleteTenant(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    String name = ctx.pathParam("name");
    if (!directory.tenantExists(name)) {
      throw new DatadockException(ErrorCode.NOT_FOUND, "tenant '" + name + "' not found");
    }
    int left = resources.list(s -> s.getTenant().equals(name)).size();
    if (left > 0) {
      throw new DatadockException(
          ErrorCode.CONFLICT,
          "cannot delete tenant '" + name + "': it still has " + left + " resources");
    }
    written(
        ctx,
        writer.deleteTenant(name),
        200,
        new JsonObject().put("outcome", "deleted").put("name", name));
  }

  /** Answers once the write is acknowledged and read back into the directory. */
  private void written(
      RoutingContext ctx, CompletableFuture<Void> write, int status, JsonObject answer) {
    Future.fromCompletionStage(
            write.thenCompose(v -> directory.sync()), ctx.vertx().getOrCreateContext())
        .onSuccess(v -> HttpApi.json(ctx, status, answer))
        .onFailure(ctx::fail);
  }

  private static JsonObject userJson(User u) {
    return new JsonObject()
        .put("id", u.getId())
        .put("name", u.getName())
        .put("email", u.getEmail())
        .put("type", u.getType())
        .put("tenants", new JsonArray(List.copyOf(u.getTenants())))
        .put("tags", new JsonArray(List.copyOf(u.getTags())))
        .put("useCases", new JsonArray(List.copyOf(u.getUseCases())));
  }

  private static JsonArray sorted(Set<String> values) {
    return new JsonArray(values.stream().sorted().toList());
  }
}
