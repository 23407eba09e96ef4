package io.datadock.core.manifest.depot;

/** The two depot shapes of MANIFESTS.md: §4 ({@code spec:}) and §5 ({@code depot:}). */
public enum DepotShape {
  TENANT("spec.type"),
  INSTANCE_SECRET("depot.type");

  private final String typeField;

  DepotShape(String typeField) {
    this.typeField = typeField;
  }

  /** Where this shape declares its source type, for errors about the type. */
  public String typeField() {
    return typeField;
  }
}
