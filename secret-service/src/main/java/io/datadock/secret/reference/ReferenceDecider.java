package io.datadock.secret.reference;

import io.datadock.core.resource.ResourceKey;
import io.datadock.schemas.common.Applier;
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
 * cannot both win. A reference is granted when the secret exists, the depot's tenant may reach it
 * and the user who applied the depot may use it ({@link SecretUse}); granting records the depot as
 * a dependent, a denial or a release removes it. Every request is answered.
 */
public final class ReferenceDecider {

  static final String RW = "rw";

  private final SecretUse use;

  public ReferenceDecider() {
    this(SecretUse.Grants.NONE);
  }

  public ReferenceDecider(SecretUse.Grants grants) {
    this.use = new SecretUse(grants);
  }

  /**
   * @param current the secret's stored state, or null when it does not exist
   */
  public ReferenceDecision decide(SecretState current, ReferenceRequest request) {
    if (request.getAction() == ReferenceAction.RELEASE) {
      return release(current, request);
    }
    ResourceKey secret = ResourceKey.parse(request.getSecretKey());
    Applier applier = request.getApplier();
    long at = request.getIssuedAt();
    boolean crossTenant = !secret.tenant().equals(request.getDepotTenant());
    if (crossTenant && !use.granted(secret, current, request.getDepotTenant(), applier, at)) {
      // Checked before existence, so a depot cannot probe another tenant's secret names.
      return denied(
          current,
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
      return denied(current, request, secret.kind() + " '" + secret.name() + "' does not exist");
    }
    // A request without an applier was issued before secrets needed a permission to be used:
    // decided as it was then, so a replay of old records gives the old answers.
    if (!crossTenant && applier != null && !use.mayUse(secret, current, applier, at)) {
      return denied(current, request, SecretUse.refusal(applier, secret));
    }
    String acl = current.getSpec().getAcl();
    if ("r".equals(acl) && request.getPurposes().contains(RW)) {
      return denied(
          current,
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

  /**
   * A release is always acknowledged ({@code RELEASED}, echoing its round), also when the secret
   * does not exist or the depot was not a dependent: the depot waits for it before answering its
   * delete, and may send a release again when it thinks one was lost.
   */
  private static ReferenceDecision release(SecretState current, ReferenceRequest request) {
    ReferenceReply released = reply(request, ReferenceReplyType.RELEASED, null).build();
    if (current == null || !current.getDependents().contains(request.getDepotKey())) {
      return new ReferenceDecision(null, released);
    }
    List<String> dependents = new ArrayList<>(current.getDependents());
    dependents.remove(request.getDepotKey());
    return new ReferenceDecision(
        SecretState.newBuilder(current).setDependents(dependents).build(), released);
  }

  /**
   * A denied depot that was a dependent (its applier lost the permission, or a grant was withdrawn,
   * and it asked again) stops being one: nothing resolves for it any more.
   */
  private static ReferenceDecision denied(
      SecretState current, ReferenceRequest request, String reason) {
    ReferenceReply reply = reply(request, ReferenceReplyType.DENIED, reason).build();
    if (current == null || !current.getDependents().contains(request.getDepotKey())) {
      return new ReferenceDecision(null, reply);
    }
    List<String> dependents = new ArrayList<>(current.getDependents());
    dependents.remove(request.getDepotKey());
    return new ReferenceDecision(
        SecretState.newBuilder(current).setDependents(dependents).build(), reply);
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
