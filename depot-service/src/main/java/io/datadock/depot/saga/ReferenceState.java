package io.datadock.depot.saga;

import io.datadock.core.resource.WireNamed;
import java.util.Optional;

/**
 * Where one secret reference of a depot stands in the saga ({@code DepotReference.state}): asked
 * and pending, granted, or denied by secret-service. The wire names are the lower-case words.
 */
public enum ReferenceState implements WireNamed {
  PENDING("pending"),
  GRANTED("granted"),
  DENIED("denied");

  private final String wireName;

  ReferenceState(String wireName) {
    this.wireName = wireName;
  }

  /** As a depot's state record spells it. */
  @Override
  public String wireName() {
    return wireName;
  }

  /** The state a wire name names, empty for anything else. */
  public static Optional<ReferenceState> fromWire(String wireName) {
    return WireNamed.fromWire(ReferenceState.class, wireName);
  }
}
