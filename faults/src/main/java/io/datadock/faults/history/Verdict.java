package io.datadock.faults.history;

import io.datadock.faults.history.Violation.Rule;
import java.util.List;
import java.util.Set;

/** What the checker proved: the figures and every violation found. */
public record Verdict(long operations, long acknowledged, List<Violation> violations) {

  public long lost() {
    return count(Set.of(Rule.LOST));
  }

  /** Committed more than once, or committed though answered as failed. */
  public long duplicated() {
    return count(Set.of(Rule.DUPLICATED, Rule.APPLIED_THOUGH_FAILED));
  }

  /**
   * An answer a later read or the final state contradicts, a version going back, a replay
   * differing.
   */
  public long contradicted() {
    return count(Set.of(Rule.CONTRADICTED, Rule.VERSION_DECREASED, Rule.DIGEST_DIFFERS));
  }

  public boolean holds() {
    return violations.isEmpty();
  }

  private long count(Set<Rule> rules) {
    return violations.stream().filter(v -> rules.contains(v.rule())).count();
  }

  /** The figures on one line, then each violation as its minimal history. */
  public String report() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                "operations=%d acknowledged=%d lost=%d duplicated=%d contradicted=%d verdict=%s%n",
                operations,
                acknowledged,
                lost(),
                duplicated(),
                contradicted(),
                holds() ? "OK" : "VIOLATED"));
    violations.forEach(v -> b.append(v.describe()));
    return b.toString();
  }
}
