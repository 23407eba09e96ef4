package io.datadock.gateway.identity;

import io.datadock.core.identity.Principal;
import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.apply.CommandService;
import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.common.Applier;
import io.datadock.schemas.depot.DepotAction;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows when someone loses the right to use secrets: every depot that may have used it asks
 * secret-service again ({@code REVALIDATE} commands). A reference no longer allowed is denied in
 * the secret's own partition, the secret stops resolving for the depot and the depot goes to {@code
 * error}. Withdrawing a grant or taking a tenant, role or use-case from a user leads here.
 */
public final class AccessRevalidation {

  private static final Logger LOG = LoggerFactory.getLogger(AccessRevalidation.class);

  private final ResourceView resources;
  private final CommandService commands;

  public AccessRevalidation(ResourceView resources, CommandService commands) {
    this.resources = resources;
    this.commands = commands;
  }

  /**
   * A grant was withdrawn: the depots it may have let in ask again (the grant no longer holds at
   * their new requests' time).
   *
   * @return the depots asked to revalidate, once each command has its result
   */
  public CompletableFuture<List<String>> afterGrantWithdrawn(ReferenceGrant grant, String actor) {
    Set<String> secrets =
        ResourceKind.SECRETS.stream()
            .map(kind -> ResourceKey.of(grant.getOwner(), kind, grant.getSecret()).toString())
            .collect(Collectors.toSet());
    Predicate<ResourceState> reached =
        grant.getGranteeKind() == GranteeKind.USER
            ? s -> grant.getGrantee().equals(appliedBy(s))
            : s -> s.getTenant().equals(grant.getGrantee());
    return revalidate(s -> reached.test(s) && referencesAny(s, secrets), null, actor);
  }

  /**
   * A user was changed or removed ({@code after} null). Only a loss of a tenant, a role tag or a
   * use-case can take a permission away; then every depot they applied asks again with their
   * identity as it is now.
   */
  public CompletableFuture<List<String>> afterUserChanged(
      Principal before, Principal after, String actor) {
    if (before == null || !lostSomething(before, after)) {
      return CompletableFuture.completedFuture(List.of());
    }
    Applier now = after == null ? Appliers.removed(before.id()) : Appliers.of(after);
    return revalidate(s -> before.id().equals(appliedBy(s)), now, actor);
  }

  static boolean lostSomething(Principal before, Principal after) {
    return after == null
        || !after.tenants().containsAll(before.tenants())
        || !after.tags().containsAll(before.tags())
        || !after.useCases().containsAll(before.useCases());
  }

  private CompletableFuture<List<String>> revalidate(
      Predicate<ResourceState> affected, Applier applier, String actor) {
    List<ResourceState> depots =
        resources.list(s -> ResourceKind.DEPOT.is(s.getKind()) && affected.test(s));
    List<CompletableFuture<String>> sent =
        depots.stream()
            .map(
                depot ->
                    commands
                        .send(
                            DepotCommand.newBuilder()
                                .setCommandId(UUID.randomUUID().toString())
                                .setResourceKey(depot.getResourceKey())
                                .setAction(DepotAction.REVALIDATE)
                                .setIssuedBy(actor)
                                .setIssuedAt(System.currentTimeMillis())
                                .setApplier(applier)
                                .setAwaitReleases(true)
                                .build())
                        .thenApply(r -> depot.getName()))
            .toList();
    LOG.info("access revalidation actor={} depots={}", actor, depots.size());
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
        .thenApply(v -> sent.stream().map(CompletableFuture::join).sorted().toList());
  }

  /** The user who applied the depot's spec (its details say), else its owner. */
  static String appliedBy(ResourceState depot) {
    JsonObject details = json(depot.getDetails());
    String applied = details == null ? null : details.getString("appliedBy");
    return applied != null ? applied : depot.getOwner();
  }

  private static boolean referencesAny(ResourceState depot, Set<String> secrets) {
    JsonObject spec = json(depot.getSpec());
    JsonArray refs = spec == null ? null : spec.getJsonArray("secrets");
    if (refs == null) {
      return false;
    }
    Set<String> referenced = new HashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      referenced.add(refs.getJsonObject(i).getString("secret"));
    }
    referenced.retainAll(secrets);
    return !referenced.isEmpty();
  }

  private static JsonObject json(String text) {
    try {
      return text == null ? null : new JsonObject(text);
    } catch (DecodeException e) {
      return null;
    }
  }
}
