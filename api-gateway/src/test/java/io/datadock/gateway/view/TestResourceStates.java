package io.datadock.gateway.view;

import io.datadock.schemas.resource.ResourceState;

/** Resource states for tests of the view and what reads it, keyed {@code tenant/kind/name}. */
public final class TestResourceStates {

  private TestResourceStates() {}

  /** An active resource owned by alice at {@code version}, with {@code spec} as its spec. */
  public static ResourceState of(String key, long version, String spec) {
    String[] parts = key.split("/");
    return ResourceState.newBuilder()
        .setResourceKey(key)
        .setKind(parts[1])
        .setName(parts[2])
        .setManifestVersion("v2alpha")
        .setTenant(parts[0])
        .setOwner("alice")
        .setStatus("active")
        .setResourceVersion(version)
        .setGeneration(1)
        .setCreatedAt(0)
        .setUpdatedAt(0)
        .setSpec(spec)
        .build();
  }
}
