package io.datadock.core.manifest.depot;

/** The two depot shapes of MANIFESTS.md: §4 ({@code spec:}) and §5 ({@code depot:}). */
public enum DepotShape {
  TENANT,
  INSTANCE_SECRET
}
