package io.datadock.core.resource;

import java.util.Objects;

/**
 * The identity of a resource and its Kafka record key everywhere: {@code tenant/kind/name}, or
 * {@code tenant/kind/workspace/name} for workspace-level resources. Every command, event and state
 * change of one resource therefore lands on one partition, in order.
 */
public record ResourceKey(String tenant, String kind, String workspace, String name) {

  public ResourceKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static ResourceKey of(String tenant, String kind, String name) {
    return new ResourceKey(tenant, kind, null, name);
  }

  public static ResourceKey parse(String key) {
    String[] parts = key.split("/", -1);
    return switch (parts.length) {
      case 3 -> new ResourceKey(parts[0], parts[1], null, parts[2]);
      case 4 -> new ResourceKey(parts[0], parts[1], parts[2], parts[3]);
      default -> throw new IllegalArgumentException("not a resource key: " + key);
    };
  }

  @Override
  public String toString() {
    return workspace == null
        ? tenant + "/" + kind + "/" + name
        : tenant + "/" + kind + "/" + workspace + "/" + name;
  }
}
