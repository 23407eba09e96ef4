package io.datadock.connectors.scan;

import com.google.re2j.Pattern;
import io.datadock.core.manifest.depot.ScanPattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled scan filter patterns, kept once per distinct regex (a record cannot hold them). Compiled
 * by {@link ScanPattern}: RE2, linear-time matching whatever the pattern and the name, with the
 * gateway's limits on length, count and expansion.
 */
final class ScanPatterns {

  private static final int MAX_CACHED = 1_000;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private ScanPatterns() {}

  /** An unmodifiable copy of {@code regexes}, each compiled once to prove it valid. */
  static List<String> check(List<String> regexes, String where) {
    if (regexes == null || regexes.isEmpty()) {
      return List.of();
    }
    if (regexes.size() > ScanPattern.MAX_PER_LIST) {
      throw new IllegalArgumentException(
          "too many patterns in "
              + where
              + ": "
              + regexes.size()
              + ", at most "
              + ScanPattern.MAX_PER_LIST);
    }
    List<String> copy = new ArrayList<>(regexes.size());
    for (String regex : regexes) {
      if (regex == null) {
        throw new IllegalArgumentException("null pattern in " + where);
      }
      try {
        compiled(regex);
      } catch (IllegalArgumentException e) {
        String shown = regex.length() <= 64 ? regex : regex.substring(0, 64) + "...";
        throw new IllegalArgumentException(
            "invalid regex in " + where + ": '" + shown + "' " + e.getMessage(), e);
      }
      copy.add(regex);
    }
    return Collections.unmodifiableList(copy);
  }

  static boolean anyMatches(List<String> regexes, String name) {
    for (String regex : regexes) {
      if (ScanPattern.matchesWhole(compiled(regex), name)) {
        return true;
      }
    }
    return false;
  }

  private static Pattern compiled(String regex) {
    Pattern pattern = COMPILED.get(regex);
    if (pattern == null) {
      pattern = ScanPattern.compile(regex);
      if (COMPILED.size() >= MAX_CACHED) {
        COMPILED.clear();
      }
      COMPILED.put(regex, pattern);
    }
    return pattern;
  }
}
