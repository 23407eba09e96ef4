package io.datadock.depot.saga;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where one secret reference of a depot stands in the saga ({@code DepotReference.state}): asked
 * and pending, granted, or denied by secret-service. The wire names are the lower-case words.
 */
public enum ReferenceState {
  PENDING("pending"),
  GRANTED("granted"),
  DENIED("denied");

  private final String wireName;

  ReferenceState(String wireName) {
    this.wireName = wireName;
  }

  /** As a depot's state record spells it. */
  public String wireName() {
    return wireName;
  }

  /** Whether a reference's state field is this state's wire name (false for null or another). */
  public boolean is(String wireName) {
    return this.wireName.equals(wireName);
  }

  /** The state a wire name names, empty for anything else. */
  public static Optional<ReferenceState> fromWire(String wireName) {
    return Arrays.stream(values()).filter(s -> s.is(wireName)).findFirst();
  }
}
