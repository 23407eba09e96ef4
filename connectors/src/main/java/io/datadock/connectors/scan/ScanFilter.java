package io.datadock.connectors.scan;

import java.util.List;

/**
 * Which collections and datasets a scan keeps: RE2 regular expressions (linear-time, {@link
 * io.datadock.core.manifest.depot.ScanPattern}) that must match the whole name. An empty include
 * list keeps everything; an exclude match always drops. A dataset pattern is tried on the dataset's
 * name and on {@code collection.name}, so both {@code tmp_.*} and {@code staging\.tmp_.*} work. A
 * dataset is kept only when its collection is.
 */
public record ScanFilter(
    List<String> includeCollections,
    List<String> excludeCollections,
    List<String> includeDatasets,
    List<String> excludeDatasets) {

  private static final ScanFilter ALL = new ScanFilter(List.of(), List.of(), List.of(), List.of());

  /** Validates every pattern; an invalid one is named in the {@link IllegalArgumentException}. */
  public ScanFilter {
    includeCollections = ScanPatterns.check(includeCollections, "collections.include");
    excludeCollections = ScanPatterns.check(excludeCollections, "collections.exclude");
    includeDatasets = ScanPatterns.check(includeDatasets, "datasets.include");
    excludeDatasets = ScanPatterns.check(excludeDatasets, "datasets.exclude");
  }

  /** Keeps everything. */
  public static ScanFilter all() {
    return ALL;
  }

  public boolean collection(String name) {
    return (includeCollections.isEmpty() || ScanPatterns.anyMatches(includeCollections, name))
        && !ScanPatterns.anyMatches(excludeCollections, name);
  }

  public boolean dataset(String collection, String name) {
    if (!collection(collection)) {
      return false;
    }
    String qualified = collection + "." + name;
    return (includeDatasets.isEmpty()
            || ScanPatterns.anyMatches(includeDatasets, name)
            || ScanPatterns.anyMatches(includeDatasets, qualified))
        && !ScanPatterns.anyMatches(excludeDatasets, name)
        && !ScanPatterns.anyMatches(excludeDatasets, qualified);
  }

  /**
   * Parses a depot manifest's scan block given as a JSON object string (null or blank: {@link
   * #all()}): {@code {"collections": {"include": [..], "exclude": [..]}, "datasets": {"include":
   * [..], "exclude": [..]}}}. Every part may be left out.
   *
   * @throws IllegalArgumentException for JSON that is not of that shape, naming the bad part, or
   *     for an invalid regex, naming it
   */
  public static ScanFilter fromJson(String json) {
    return ScanFilterJson.parse(json);
  }
}
