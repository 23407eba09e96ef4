package io.datadock.depot.saga;

import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceRequest;
import java.util.List;

/** The requests depot-service sends to secret-service, one per secret. */
public final class ReferenceRequests {

  private ReferenceRequests() {}

  public static ReferenceRequest reference(
      String depotKey, DepotSpec spec, DepotSecretRef ref, long round, long at) {
    return request(depotKey, spec.getTenant(), ref.getSecretKey(), ReferenceAction.REFERENCE)
        .setPurposes(ref.getPurposes())
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
