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
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users: anyone reads who they are ({@code /users/me}); operators list, create, change and remove
 * users and their tags. A change that takes a permission away makes every depot the user applied
 * ask secret-service again whether it may still use its secrets.
 */
final class UserApi implements Endpoints {

  private final IdentityStore store;
  private final UserFields fields;
  private final Authorizer authorizer;
  private final Clock clock;

  UserApi(IdentityStore store, Authorizer authorizer, Clock clock) {
    this.store = store;
    this.fields = new UserFields(name -> store.directory().tenantExists(name));
    this.authorizer = authorizer;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/users/me").handler(this::handleMe);
    router.get("/api/v1/users").handler(store.afterSync(this::handleList));
    router.post("/api/v1/users").handler(this::handleCreate);
    router.put("/api/v1/users/:id").handler(this::handleUpdate);
    router.put("/api/v1/users/:id/tags/:tag").handler(this::handleAddTag);
    router.delete("/api/v1/users/:id/tags/:tag").handler(this::handleRemoveTag);
    router.delete("/api/v1/users/:id").handler(this::handleDelete);
  }

  private void handleMe(RoutingContext ctx) {
    Principal p = caller(ctx).principal();
    Responses.json(
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

  private void handleList(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    JsonArray items = new JsonArray();
    store.directory().users().forEach(u -> items.add(json(u)));
    Responses.json(ctx, 200, new JsonObject().put("items", items));
  }

  private void handleCreate(RoutingContext ctx) {
    Caller caller = caller(ctx);
    authorizer.operator(caller);
    JsonObject body = body(ctx);
    String id = Names.resourceName("id", required(body, "id"));
    if (store.directory().user(id).isPresent() || id.equals("admin")) {
      throw new DatadockException(ErrorCode.CONFLICT, "user '" + id + "' exists", "id");
    }
    Optional<Long> removedAt = store.directory().removedAt(id);
    if (removedAt.isPresent()) {
      throw new DatadockException(
          ErrorCode.CONFLICT,
          "user id '"
              + id
              + "' belonged to a user removed at "
              + Instant.ofEpochMilli(removedAt.get())
              + "; an id is not given twice (the resources, grants and audit records naming it"
              + " would pass to the new user): choose another",
          "id");
    }
    User user = fields.user(id, body, clock.millis(), caller.id());
    store.answerOnceRead(ctx, store.writer().user(user), 201, json(user));
  }

  /** Replaces a user's name, tenants, tags and use-cases. */
  private void handleUpdate(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    User before = store.existingUser(ctx.pathParam("id"));
    User after =
        fields.user(before.getId(), body(ctx), before.getCreatedAt(), before.getCreatedBy());
    changed(ctx, before, after);
  }

  /**
   * Gives a user one more tag, checked as on creation; a tag the user holds already is left as it
   * is ({@code dataos-ctl user tag add}).
   */
  private void handleAddTag(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    User before = store.existingUser(ctx.pathParam("id"));
    String tag = ctx.pathParam("tag");
    UserFields.checkTag(tag, before.getId(), before.getTenants(), "tag");
    if (before.getTags().contains(tag)) {
      Responses.json(ctx, 200, json(before));
      return;
    }
    List<String> tags = new ArrayList<>(before.getTags());
    tags.add(tag);
    User after = User.newBuilder(before).setTags(tags).build();
    store.answerOnceRead(ctx, store.writer().user(after), 200, json(after));
  }

  /**
   * Takes a tag from a user; a tag the user does not hold is nothing to take. A role taken away may
   * take a permission with it, as after {@code PUT}. The user's own {@code users:id:} tag stays
   * (422).
   */
  private void handleRemoveTag(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    User before = store.existingUser(ctx.pathParam("id"));
    String tag = ctx.pathParam("tag");
    if (tag.equals(UserFields.ownTag(before.getId()))) {
      throw DatadockException.invalid(
          "tag", "tag '" + tag + "' is the user's own and cannot be taken away");
    }
    List<String> tags = new ArrayList<>(before.getTags());
    tags.remove(tag);
    changed(ctx, before, User.newBuilder(before).setTags(tags).build());
  }

  /**
   * Removes a user: their keys stop working, the grants given to them are withdrawn (their depots
   * lose what those grants opened) and the depots they applied lose their secrets. The record
   * stays, marked removed, so that the id is not given again.
   */
  private void handleDelete(RoutingContext ctx) {
    authorizer.operator(caller(ctx));
    User before = store.existingUser(ctx.pathParam("id"));
    List<ReferenceGrant> grants = store.directory().grantsTo(GranteeKind.USER, before.getId());
    JsonArray withdrawn = new JsonArray();
    grants.forEach(g -> withdrawn.add(g.getOwner() + ":" + g.getSecret()));
    long at = clock.millis();
    store.answerAfterUserChanged(
        ctx,
        store.withdrawAll(grants, at).thenCompose(v -> store.writer().removeUser(before, at)),
        IdentityDirectory.principal(before),
        null,
        caller(ctx).id(),
        new JsonObject()
            .put("outcome", "deleted")
            .put("id", before.getId())
            .put("grantsWithdrawn", withdrawn));
  }

  private void changed(RoutingContext ctx, User before, User after) {
    store.answerAfterUserChanged(
        ctx,
        store.writer().user(after),
        IdentityDirectory.principal(before),
        IdentityDirectory.principal(after),
        caller(ctx).id(),
        json(after));
  }

  private static JsonObject json(User u) {
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
