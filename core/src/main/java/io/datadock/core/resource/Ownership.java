package io.datadock.core.resource;

import java.util.Optional;

/**
 * Who may change or delete a resource that exists: its owner, or a caller allowed to write other
 * users' resources (an operator or an admin of its tenant). The gateway decides this from its read
 * view, which may not hold the resource yet (just created, or the gateway is catching up after a
 * start); the owning service decides it again from its state store, which cannot lag its own
 * commands. Both use this rule, so they cannot disagree on it.
 */
public final class Ownership {

  private Ownership() {}

  /**
   * @param kind the resource's kind, as on the wire ({@code secret}, {@code depot}, ...)
   * @param name the resource's name
   * @param owner the resource's owner as it stands
   * @param caller who asks
   * @param mayWriteOthers whether the caller may write other users' resources; null when not known
   *     (a command from before this rule reached the services), which allows, as before
   * @return the refusal's message, or empty when allowed
   */
  public static Optional<String> refusal(
      String kind, String name, String owner, String caller, Boolean mayWriteOthers) {
    if (owner.equals(caller) || mayWriteOthers == null || mayWriteOthers) {
      return Optional.empty();
    }
    return Optional.of("forbidden: " + kind + " '" + name + "' is owned by '" + owner + "'");
  }
}
