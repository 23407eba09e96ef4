package io.datadock.connectors.scan;

import java.util.List;

/**
 * What one scan found.
 *
 * @param datasets everything that was read, ordered by collection, then name
 * @param errors what could not be read, short and without credential values
 * @param complete false when any part failed (then {@code errors} says what)
 */
public record ScanResult(List<DatasetMeta> datasets, List<String> errors, boolean complete) {

  public ScanResult {
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A scan that read nothing, for example because it could not connect. */
  public static ScanResult failure(String message) {
    return new ScanResult(List.of(), List.of(message), false);
  }
}
