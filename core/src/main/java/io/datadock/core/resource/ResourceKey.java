package io.datadock.core.resource;

import java.util.Objects;

/**
 * The identity of a resource and its Kafka record key everywhere: {@code tenant/kind/name}, or
 * {@code tenant/kind/workspace/name} for workspace-level resources, the kind by its {@link
 * ResourceKind#wireName() wire name}. Every command, event and state change of one resource
 * therefore lands on one partition, in order.
 */
public record ResourceKey(String tenant, ResourceKind kind, String workspace, String name) {

  public ResourceKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static ResourceKey of(String tenant, ResourceKind kind, String name) {
    return new ResourceKey(tenant, kind, null, name);
  }

  /**
   * @throws IllegalArgumentException when {@code key} has not three or four parts, or its kind is
   *     not a {@link ResourceKind}'s wire name
   */
  public static ResourceKey parse(String key) {
    String[] parts = key.split("/", -1);
    return switch (parts.length) {
      case 3 -> new ResourceKey(parts[0], kind(parts[1], key), null, parts[2]);
      case 4 -> new ResourceKey(parts[0], kind(parts[1], key), parts[2], parts[3]);
      default -> throw new IllegalArgumentException("not a resource key: " + key);
    };
  }

  private static ResourceKind kind(String wireName, String key) {
    return ResourceKind.fromWire(wireName)
        .orElseThrow(() -> new IllegalArgumentException("not a resource key: " + key));
  }

  @Override
  public String toString() {
    String kind = this.kind.wireName();
    return workspace == null
        ? tenant + "/" + kind + "/" + name
        : tenant + "/" + kind + "/" + workspace + "/" + name;
  }
}
