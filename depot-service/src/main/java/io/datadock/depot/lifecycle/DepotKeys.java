package io.datadock.depot.lifecycle;

import io.datadock.core.resource.ResourceKey;
import io.datadock.core.resource.ResourceKind;
import io.datadock.schemas.depot.DepotSpec;

/** The resource key of a depot: {@code tenant/depot/name}. */
public final class DepotKeys {

  private DepotKeys() {}

  public static String of(DepotSpec spec) {
    return ResourceKey.of(spec.getTenant(), ResourceKind.DEPOT, spec.getName()).toString();
  }
}
