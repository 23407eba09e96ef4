package io.datadock.depot.lifecycle;

import io.datadock.core.resource.ResourceKey;
import io.datadock.schemas.depot.DepotSpec;

/** The resource key of a depot: {@code tenant/depot/name}. */
public final class DepotKeys {

  public static final String KIND = "depot";

  private DepotKeys() {}

  public static String of(DepotSpec spec) {
    return ResourceKey.of(spec.getTenant(), KIND, spec.getName()).toString();
  }
}
