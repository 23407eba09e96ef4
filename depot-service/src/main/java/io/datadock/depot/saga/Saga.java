package io.datadock.depot.saga;

import io.datadock.core.manifest.depot.DepotShape;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.depot.lifecycle.DepotKeys;
import io.datadock.depot.validation.CheckRequests;
import io.datadock.schemas.depot.DepotReference;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.reference.ReferenceRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of the depot reference saga that more than one input leads to: starting a round, and
 * what follows once every reference is granted.
 */
public final class Saga {

  /** The message users already know for an instance-secret depot with rw but no r secret. */
  public static final String MISSING_R = "invalid depot, missing a secret reference with acl: r";

  /**
   * Where the depot goes next.
   *
   * @param state the depot's new state (not yet published)
   * @param requests reference requests to send
   * @param validation the connection check to run, or null
   * @param failure why the depot fails now, or null
   */
  public record Next(
      DepotState state,
      List<ReferenceRequest> requests,
      ValidationRequest validation,
      String failure) {}

  private Saga() {}

  /**
   * A new round: every reference pending and asked for again (granting is idempotent on the secret
   * side); a depot that needs no secret goes straight to its connection check.
   *
   * @param state the depot with its new spec and version; the round is its version
   */
  public static Next begin(DepotState state, long at, String reason) {
    String depotKey = DepotKeys.of(state.getSpec());
    long round = state.getResourceVersion();
    List<DepotReference> references = new ArrayList<>();
    List<ReferenceRequest> requests = new ArrayList<>();
    for (DepotSecretRef ref : state.getSpec().getSecrets()) {
      references.add(
          DepotReference.newBuilder()
              .setSecretKey(ref.getSecretKey())
              .setPurposes(ref.getPurposes())
              .setKeys(ref.getKeys())
              .setState(ReferenceState.PENDING.wireName())
              .build());
      requests.add(
          ReferenceRequests.reference(
              depotKey, state.getSpec(), ref, state.getApplier(), round, at));
    }
    DepotState pending =
        DepotState.newBuilder(state)
            .setStatus(ResourceStatus.PENDING.wireName())
            .setMessage(null)
            .setRound(round)
            .setReferences(references)
            .build();
    if (references.isEmpty()) {
      return startCheck(pending, at, reason, requests);
    }
    return new Next(pending, requests, null, null);
  }

  /** Every reference is granted: apply the instance-secret acl rule, then check the connection. */
  public static Next allGranted(DepotState state, long at, String reason) {
    if (DepotShape.INSTANCE_SECRET.is(state.getSpec().getShape()) && lacksReadSecret(state)) {
      return new Next(state, List.of(), null, MISSING_R);
    }
    return startCheck(state, at, reason, List.of());
  }

  public static boolean allGranted(DepotState state) {
    return state.getReferences().stream().allMatch(r -> ReferenceState.GRANTED.is(r.getState()));
  }

  private static boolean lacksReadSecret(DepotState state) {
    boolean rw = state.getReferences().stream().anyMatch(r -> "rw".equals(r.getAcl()));
    boolean r = state.getReferences().stream().anyMatch(ref -> "r".equals(ref.getAcl()));
    return rw && !r;
  }

  private static Next startCheck(
      DepotState state, long at, String reason, List<ReferenceRequest> requests) {
    DepotState checking =
        DepotState.newBuilder(state)
            .setCheckId(state.getCheckId() + 1)
            .setCheckReason(reason)
            .build();
    return new Next(checking, requests, CheckRequests.of(checking, at), null);
  }
}
