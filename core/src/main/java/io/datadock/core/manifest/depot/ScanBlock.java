package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The optional {@code scan:} block of a depot manifest: which collections and datasets the catalog
 * scanner reads.
 *
 * <pre>
 * scan:
 *   collections: {include: [public, "sales_.*"], exclude: ["tmp_.*"]}
 *   datasets: {exclude: [".*_backup"]}
 * </pre>
 *
 * Each entry is an RE2 regular expression ({@link ScanPattern}: linear-time matching, no
 * backreferences or lookaround, at most 256 characters, at most 100 to a list) matched against the
 * whole name; an empty or absent include list means everything.
 */
final class ScanBlock {

  private static final Set<String> SECTIONS = Set.of("collections", "datasets");
  private static final Set<String> LISTS = Set.of("include", "exclude");

  private ScanBlock() {}

  /** The validated block, or null when the manifest has none. */
  static SortedMap<String, Object> read(Map<String, Object> document) {
    Map<String, Object> scan = Values.optionalMap(document, "scan", "scan");
    if (scan == null) {
      return null;
    }
    SortedMap<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, Object> section : scan.entrySet()) {
      String path = "scan." + section.getKey();
      if (!SECTIONS.contains(section.getKey())) {
        throw DatadockException.invalid(
            path, path + " is unknown: use scan.collections or scan.datasets");
      }
      Map<String, Object> lists = Values.map(section.getValue(), path);
      SortedMap<String, Object> normalized = new TreeMap<>();
      for (Map.Entry<String, Object> list : lists.entrySet()) {
        String listPath = path + "." + list.getKey();
        if (!LISTS.contains(list.getKey())) {
          throw DatadockException.invalid(
              listPath, listPath + " is unknown: use include or exclude");
        }
        normalized.put(list.getKey(), patterns(list.getValue(), listPath));
      }
      out.put(section.getKey(), normalized);
    }
    return out;
  }

  private static List<String> patterns(Object value, String path) {
    if (!(value instanceof List<?> items)) {
      throw DatadockException.invalid(path, path + " must be a list of regular expressions");
    }
    if (items.size() > ScanPattern.MAX_PER_LIST) {
      throw DatadockException.invalid(
          path,
          path
              + " lists "
              + items.size()
              + " patterns, at most "
              + ScanPattern.MAX_PER_LIST
              + " are allowed");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      if (!(items.get(i) instanceof String regex) || regex.isEmpty()) {
        throw DatadockException.invalid(itemPath, itemPath + " must be a non-empty string");
      }
      try {
        ScanPattern.compile(regex);
      } catch (IllegalArgumentException e) {
        throw DatadockException.invalid(itemPath, itemPath + " " + e.getMessage());
      }
      out.add(regex);
    }
    return out;
  }
}
