package io.datadock.faults.history;

import java.util.List;

/** A rule the history broke, with the fewest operations and events that show it. */
public record Violation(Rule rule, String key, String message, List<Object> evidence) {

  public enum Rule {
    /** An acknowledged create, update or delete has no committed event. */
    LOST,
    /** An acknowledged change's event is there more than once. */
    DUPLICATED,
    /** More changes were committed than were acknowledged or left unknown. */
    APPLIED_THOUGH_FAILED,
    /** A later read or the final state contradicts an answer. */
    CONTRADICTED,
    /** A version went backwards. */
    VERSION_DECREASED,
    /** The replayed state differs from the state. */
    DIGEST_DIFFERS
  }

  public String describe() {
    StringBuilder b = new StringBuilder(rule + " " + key + ": " + message + "\n");
    evidence.forEach(e -> b.append("    ").append(e).append('\n'));
    return b.toString();
  }
}
