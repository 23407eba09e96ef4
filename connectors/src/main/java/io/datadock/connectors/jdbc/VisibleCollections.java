package io.datadock.connectors.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The collections (schemas or databases) a login can see, apart from the family's system ones, and
 * how the {@code LIST} step reports them: a count and the first few names.
 */
final class VisibleCollections {

  static final int NAMES_SHOWN = 5;

  private VisibleCollections() {}

  /** The names that are not system collections, sorted case-insensitively. */
  static List<String> of(List<String> names, Predicate<String> isSystem) {
    List<String> visible = new ArrayList<>();
    for (String name : names) {
      if (name != null && !isSystem.test(name)) {
        visible.add(name);
      }
    }
    visible.sort(String.CASE_INSENSITIVE_ORDER);
    return visible;
  }

  /** "3 schemas visible: a, b, c" (at most {@link #NAMES_SHOWN} names, then "and n more"). */
  static String describe(List<String> visible, String noun) {
    String counted = count(visible.size(), noun) + " visible";
    if (visible.isEmpty()) {
      return counted;
    }
    StringJoiner names = new StringJoiner(", ", counted + ": ", "");
    visible.stream().limit(NAMES_SHOWN).forEach(names::add);
    String shown = names.toString();
    return visible.size() > NAMES_SHOWN
        ? shown + " and " + (visible.size() - NAMES_SHOWN) + " more"
        : shown;
  }

  /** "1 schema", "2 schemas". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
