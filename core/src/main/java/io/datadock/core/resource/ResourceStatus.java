package io.datadock.core.resource;

import java.util.Optional;

/**
 * Where a resource stands ({@code status} of {@code resource.state}, of a depot's state and events,
 * and of a command's reply): a secret is active from its first apply; a depot is pending while its
 * references and check run, then active or in error; a depot's DELETE waits, deleting, for its
 * releases; a deleted resource is deleted. The wire names are the lower-case words.
 */
public enum ResourceStatus implements WireNamed {
  PENDING("pending"),
  ACTIVE("active"),
  ERROR("error"),
  /** A DELETE waits for secret-service to acknowledge its releases before the depot goes. */
  DELETING("deleting"),
  DELETED("deleted");

  private final String wireName;

  ResourceStatus(String wireName) {
    this.wireName = wireName;
  }

  /** As records and answers spell it: {@code pending}, {@code active}, ... */
  @Override
  public String wireName() {
    return wireName;
  }

  /** Settled: a depot's apply is over once it is active or in error. */
  public boolean isSettled() {
    return this == ACTIVE || this == ERROR;
  }

  /** The status a wire name names, empty for anything else (null too). */
  public static Optional<ResourceStatus> fromWire(String wireName) {
    return WireNamed.fromWire(ResourceStatus.class, wireName);
  }

  @Override
  public String toString() {
    return wireName;
  }
}
