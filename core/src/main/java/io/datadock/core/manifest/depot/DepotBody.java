package io.datadock.core.manifest.depot;

import io.datadock.core.error.DatadockException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** What either shape's block yields; the header adds name, tenant, owner and the rest. */
record DepotBody(
    DepotShape shape,
    SourceType sourceType,
    String declaredType,
    SortedMap<String, Object> connection,
    List<SecretReference> secrets,
    boolean external,
    String source,
    String description) {

  /** The catalog source name: {@code source:} when given, else the depot's name. */
  static String source(Map<String, Object> block, String path, String depotName) {
    String source = Values.optionalString(block, "source", path);
    if (source == null) {
      return depotName;
    }
    if (source.isBlank()) {
      throw DatadockException.invalid(path, path + " must be a non-empty string");
    }
    return source;
  }
}
