package io.datadock.depot.saga;

import io.datadock.schemas.common.Applier;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceRequest;
import java.util.List;

/** The requests depot-service sends to secret-service, one per secret. */
public final class ReferenceRequests {

  private ReferenceRequests() {}

  /**
   * @param applier who applied the depot, as they were then (null for a depot applied before
   *     appliers were recorded): secret-service decides whether they may use the secret
   */
  public static ReferenceRequest reference(
      String depotKey, DepotSpec spec, DepotSecretRef ref, Applier applier, long round, long at) {
    return request(depotKey, spec.getTenant(), ref.getSecretKey(), ReferenceAction.REFERENCE)
        .setPurposes(ref.getPurposes())
        .setApplier(applier)
        .setRound(round)
        .setIssuedAt(at)
        .build();
  }

  public static ReferenceRequest release(
      String depotKey, String depotTenant, String secretKey, long round, long at) {
    return request(depotKey, depotTenant, secretKey, ReferenceAction.RELEASE)
        .setPurposes(List.of())
        .setRound(round)
        .setIssuedAt(at)
        .build();
  }

  private static ReferenceRequest.Builder request(
      String depotKey, String tenant, String secretKey, ReferenceAction action) {
    return ReferenceRequest.newBuilder()
        .setSecretKey(secretKey)
        .setDepotKey(depotKey)
        .setDepotTenant(tenant)
        .setAction(action);
  }
}
