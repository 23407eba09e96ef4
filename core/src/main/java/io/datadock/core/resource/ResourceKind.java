package io.datadock.core.resource;

import io.datadock.core.error.DatadockException;
import java.util.List;
import java.util.Optional;

/**
 * The three kinds of resource a manifest declares ({@code type:}) and a resource key names: secret,
 * instance-secret and depot. Each has one wire name, the same in manifests, resource keys, topics,
 * the HTTP API ({@code -t}, {@code type=}, {@code /api/v1/resources/:type}) and the records' {@code
 * kind} fields. {@link #toString()} is the wire name, so a message or key built by concatenation
 * reads as users write it.
 */
public enum ResourceKind implements WireNamed {
  SECRET("secret"),
  INSTANCE_SECRET("instance-secret"),
  DEPOT("depot");

  /** The kinds that hold secret values, each a manifest block of its own wire name. */
  public static final List<ResourceKind> SECRETS = List.of(SECRET, INSTANCE_SECRET);

  private final String wireName;

  ResourceKind(String wireName) {
    this.wireName = wireName;
  }

  /** As manifests, keys and records spell it: {@code secret}, {@code instance-secret}, ... */
  @Override
  public String wireName() {
    return wireName;
  }

  /** Whether this kind holds secret values (a secret or an instance secret). */
  public boolean isSecret() {
    return SECRETS.contains(this);
  }

  /** The kind a wire name names, empty for anything else (case matters). */
  public static Optional<ResourceKind> fromWire(String wireName) {
    return WireNamed.fromWire(ResourceKind.class, wireName);
  }

  /**
   * The kind a path segment or a {@code type=} query names.
   *
   * @throws DatadockException MALFORMED, {@link #unknown naming the value}, for anything else
   */
  public static ResourceKind parse(String wireName) {
    return fromWire(wireName).orElseThrow(() -> DatadockException.malformed(unknown(wireName)));
  }

  /** What an unknown type is told: {@code unknown type 'x', expected one of depot, ...}. */
  public static String unknown(String wireName) {
    return "unknown type '" + wireName + "', expected one of depot, instance-secret, secret";
  }

  @Override
  public String toString() {
    return wireName;
  }
}
