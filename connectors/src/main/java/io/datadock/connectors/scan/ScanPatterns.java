package io.datadock.connectors.scan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiled scan filter patterns, kept once per distinct regex (a record cannot hold them). */
final class ScanPatterns {

  private static final int MAX_CACHED = 1_000;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private ScanPatterns() {}

  /** An unmodifiable copy of {@code regexes}, each compiled once to prove it valid. */
  static List<String> check(List<String> regexes, String where) {
    if (regexes == null || regexes.isEmpty()) {
      return List.of();
    }
    List<String> copy = new ArrayList<>(regexes.size());
    for (String regex : regexes) {
      if (regex == null) {
        throw new IllegalArgumentException("null pattern in " + where);
      }
      try {
        compiled(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid regex in "
                + where
                + ": '"
                + regex
                + "' ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ")",
            e);
      }
      copy.add(regex);
    }
    return Collections.unmodifiableList(copy);
  }

  static boolean anyMatches(List<String> regexes, String name) {
    for (String regex : regexes) {
      if (compiled(regex).matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern compiled(String regex) {
    Pattern pattern = COMPILED.get(regex);
    if (pattern == null) {
      pattern = Pattern.compile(regex);
      if (COMPILED.size() >= MAX_CACHED) {
        COMPILED.clear();
      }
      COMPILED.put(regex, pattern);
    }
    return pattern;
  }
}
