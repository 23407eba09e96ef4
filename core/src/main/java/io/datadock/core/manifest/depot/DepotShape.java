package io.datadock.core.manifest.depot;

import io.datadock.core.resource.WireNamed;
import java.util.Optional;

/**
 * The two depot shapes of MANIFESTS.md: §4 ({@code spec:}) and §5 ({@code depot:}), by their wire
 * names {@code tenant} and {@code instance-secret} in a depot's spec record.
 */
public enum DepotShape implements WireNamed {
  TENANT("tenant", "spec.type"),
  INSTANCE_SECRET("instance-secret", "depot.type");

  private final String wireName;
  private final String typeField;

  DepotShape(String wireName, String typeField) {
    this.wireName = wireName;
    this.typeField = typeField;
  }

  /** As a depot's spec record ({@code DepotSpec.shape}) spells it. */
  @Override
  public String wireName() {
    return wireName;
  }

  /** Where this shape declares its source type, for errors about the type. */
  public String typeField() {
    return typeField;
  }

  /** The shape a spec record's wire name names, empty for anything else. */
  public static Optional<DepotShape> fromWire(String wireName) {
    return WireNamed.fromWire(DepotShape.class, wireName);
  }
}
