package io.datadock.gateway.identity;

import io.datadock.core.identity.Principal;
import io.datadock.schemas.common.Applier;
import java.util.List;

/** A caller's identity as a depot command carries it to secret-service. */
public final class Appliers {

  private Appliers() {}

  public static Applier of(Principal principal) {
    return Applier.newBuilder()
        .setId(principal.id())
        .setTenants(principal.tenants().stream().sorted().toList())
        .setTags(principal.tags().stream().sorted().toList())
        .setUseCases(principal.useCases().stream().sorted().toList())
        .build();
  }

  /** A deleted user: still named (so their depots are found), with no tenant and no right. */
  public static Applier removed(String userId) {
    return Applier.newBuilder()
        .setId(userId)
        .setTenants(List.of())
        .setTags(List.of())
        .setUseCases(List.of())
        .build();
  }
}
