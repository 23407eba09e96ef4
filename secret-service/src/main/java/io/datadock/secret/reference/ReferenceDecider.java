package io.datadock.secret.reference;

import io.datadock.core.resource.ResourceKey;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.secret.SecretState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The secret side of the depot reference saga, as a pure function. It runs in the secret's own
 * partition, after every command on that secret that came before it: a delete and a reference
 * cannot both win. Granting records the depot as a dependent; releasing removes it.
 */
public final class ReferenceDecider {

  static final String RW = "rw";

  /**
   * @param current the secret's stored state, or null when it does not exist
   */
  /**
   * Whether tenant {@code owner} had granted tenant {@code grantee} its secret {@code secret} at
   * time {@code at} (the request's issue time, from its record: the same when replayed).
   */
  @FunctionalInterface
  public interface Grants {
    boolean granted(String owner, String grantee, String secret, long at);

    Grants NONE = (owner, grantee, secret, at) -> false;

    static String key(String owner, String grantee, String secret) {
      return owner + "/" + grantee + "/" + secret;
    }
  }

  private final Grants grants;

  public ReferenceDecider() {
    this(Grants.NONE);
  }

  public ReferenceDecider(Grants grants) {
    this.grants = grants;
  }

  public ReferenceDecision decide(SecretState current, ReferenceRequest request) {
    if (request.getAction() == ReferenceAction.RELEASE) {
      return release(current, request);
    }
    ResourceKey secret = ResourceKey.parse(request.getSecretKey());
    if (!secret.tenant().equals(request.getDepotTenant())
        && !grants.granted(
            secret.tenant(), request.getDepotTenant(), secret.name(), request.getIssuedAt())) {
      // Checked before existence, so a depot cannot probe another tenant's secret names.
      return denied(
          request,
          "secret '"
              + secret.name()
              + "' is in tenant '"
              + secret.tenant()
              + "', not in the depot's tenant '"
              + request.getDepotTenant()
              + "', which it has not been granted");
    }
    if (current == null) {
      return denied(request, secret.kind() + " '" + secret.name() + "' does not exist");
    }
    String acl = current.getSpec().getAcl();
    if ("r".equals(acl) && request.getPurposes().contains(RW)) {
      return denied(
          request,
          secret.kind() + " '" + secret.name() + "' has acl r and cannot serve purpose rw");
    }
    SecretState updated = current;
    if (!current.getDependents().contains(request.getDepotKey())) {
      TreeSet<String> dependents = new TreeSet<>(current.getDependents());
      dependents.add(request.getDepotKey());
      updated = SecretState.newBuilder(current).setDependents(new ArrayList<>(dependents)).build();
    }
    ReferenceReply reply =
        reply(request, ReferenceReplyType.GRANTED, null)
            .setAcl(acl)
            .setSecretGeneration(current.getGeneration())
            .build();
    return new ReferenceDecision(updated == current ? null : updated, reply);
  }

  private static ReferenceDecision release(SecretState current, ReferenceRequest request) {
    if (current == null || !current.getDependents().contains(request.getDepotKey())) {
      return new ReferenceDecision(null, null);
    }
    List<String> dependents = new ArrayList<>(current.getDependents());
    dependents.remove(request.getDepotKey());
    return new ReferenceDecision(
        SecretState.newBuilder(current).setDependents(dependents).build(), null);
  }

  private static ReferenceDecision denied(ReferenceRequest request, String reason) {
    return new ReferenceDecision(null, reply(request, ReferenceReplyType.DENIED, reason).build());
  }

  private static ReferenceReply.Builder reply(
      ReferenceRequest request, ReferenceReplyType type, String reason) {
    return ReferenceReply.newBuilder()
        .setSecretKey(request.getSecretKey())
        .setDepotKey(request.getDepotKey())
        .setType(type)
        .setReason(reason)
        .setRound(request.getRound())
        .setAt(request.getIssuedAt());
  }

  /** A notice to every dependent of a secret whose data changed or that was force-deleted. */
  public static List<ReferenceReply> notices(
      String secretKey,
      List<String> dependents,
      ReferenceReplyType type,
      String reason,
      long at,
      Long generation) {
    return dependents.stream()
        .map(
            depot ->
                ReferenceReply.newBuilder()
                    .setSecretKey(secretKey)
                    .setDepotKey(depot)
                    .setType(type)
                    .setReason(reason)
                    .setSecretGeneration(generation)
                    .setRound(0)
                    .setAt(at)
                    .build())
        .toList();
  }
}
