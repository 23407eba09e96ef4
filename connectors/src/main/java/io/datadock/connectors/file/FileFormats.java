package io.datadock.connectors.file;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file formats a {@code file} source may hold and their file name endings (matched without
 * regard to case): {@code csv} (.csv, .csv.gz), {@code json} (.json, .jsonl, .ndjson, .json.gz),
 * {@code parquet} (.parquet). Shared by the connection check and the metadata scanner.
 */
public final class FileFormats {

  /** The formats, for messages. */
  public static final String KNOWN = "csv, json, parquet";

  private static final Map<String, List<String>> EXTENSIONS =
      Map.of(
          "csv", List.of(".csv", ".csv.gz"),
          "json", List.of(".json", ".jsonl", ".ndjson", ".json.gz"),
          "parquet", List.of(".parquet"));

  private FileFormats() {}

  /** The format named by a connection's {@code format} field, lower case; empty when unknown. */
  public static Optional<String> named(String format) {
    if (format == null) {
      return Optional.empty();
    }
    String lower = format.trim().toLowerCase(Locale.ROOT);
    return EXTENSIONS.containsKey(lower) ? Optional.of(lower) : Optional.empty();
  }

  /** The format of a file by its name's ending; empty for any other file. */
  public static Optional<String> of(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return EXTENSIONS.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(lower::endsWith))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Whether the file is gzip-compressed by its name (.gz). */
  public static boolean gzipped(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
