package io.datadock.cli.manifest;

import java.util.List;

/**
 * The resource types the CLI names ({@code -t}, a manifest's {@code type:}, a resource's {@code
 * type} in answers), by their wire names. The gateway's {@code io.datadock.core.resource
 * .ResourceKind} is the same closed set, and the gateway checks it; the CLI keeps its own copy so
 * it does not load core (and sends any {@code -t} as given, for the gateway to answer).
 */
public enum ResourceType {
  SECRET("secret"),
  INSTANCE_SECRET("instance-secret"),
  DEPOT("depot");

  /** The manifest blocks that hold a secret's {@code data} and {@code files}. */
  public static final List<String> SECRET_BLOCKS =
      List.of(SECRET.wireName(), INSTANCE_SECRET.wireName());

  private final String wireName;

  ResourceType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether {@code text} names this type exactly (false for null or anything else). */
  public boolean is(String text) {
    return wireName.equals(text);
  }
}
