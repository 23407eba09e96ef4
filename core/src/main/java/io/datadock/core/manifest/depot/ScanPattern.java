package io.datadock.core.manifest.depot;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A scan filter pattern ({@code scan.collections.include[0]}): an RE2 regular expression, matched
 * against whole names in time linear in the name's length, whatever the pattern ({@code (a|aa)+$}
 * included). RE2 has no backreferences and no lookaround; a pattern that uses them does not
 * compile. Bounded three ways: at most {@value #MAX_LENGTH} characters, at most {@value
 * #MAX_PER_LIST} patterns in a list, and at most {@value #MAX_SIZE} steps once counted repetitions
 * are expanded ({@code ((a{100}){100}){100}} would exhaust the heap while compiling). The gateway
 * validates scan blocks with it, and the scanners compile with it.
 */
public final class ScanPattern {

  public static final int MAX_LENGTH = 256;
  public static final int MAX_PER_LIST = 100;
  public static final int MAX_SIZE = 5_000;

  private static final String RE2_PREFIX = "error parsing regexp: ";

  private ScanPattern() {}

  /**
   * Compiles {@code regex}.
   *
   * @throws IllegalArgumentException with a short reason (no path) when it is too long, expands too
   *     much or is not RE2 syntax
   */
  public static Pattern compile(String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    if (regex.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    if (RegexSize.estimate(regex) > MAX_SIZE) {
      throw new IllegalArgumentException(
          "repeats too much: its counted repetitions expand to more than " + MAX_SIZE + " steps");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      String message = e.getMessage() == null ? e.getDescription() : e.getMessage();
      throw new IllegalArgumentException(
          "is not a valid regular expression for linear-time matching"
              + " (RE2 syntax: no backreferences, lookaround or possessive quantifiers): "
              + (message.startsWith(RE2_PREFIX) ? message.substring(RE2_PREFIX.length()) : message),
          e);
    }
  }

  /** Whether the whole of {@code name} matches. */
  public static boolean matchesWhole(Pattern pattern, String name) {
    return pattern.matcher(name).matches();
  }
}
