package io.datadock.connectors.scan;

import io.datadock.connectors.scan.file.FileScanner;
import io.datadock.connectors.scan.jdbc.DatabaseMetaDataScanner;
import io.datadock.connectors.scan.jdbc.MySqlScanner;
import io.datadock.connectors.scan.jdbc.PostgresScanner;
import io.datadock.connectors.scan.kafka.KafkaScanner;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metadata scanner of each source type that has one. Looks up canonical type names only ({@code
 * postgres}, not the alias {@code postgresql}), like {@link
 * io.datadock.connectors.ConnectionChecks}.
 */
public final class MetadataScanners {

  private static final Map<String, MetadataScanner> BY_TYPE =
      Map.of(
          "postgres", PostgresScanner.postgres(),
          "redshift", PostgresScanner.redshift(),
          "mysql", new MySqlScanner(),
          "mssql", new DatabaseMetaDataScanner("mssql"),
          "oracle", new DatabaseMetaDataScanner("oracle"),
          "jdbc", new DatabaseMetaDataScanner("jdbc"),
          "kafka", new KafkaScanner(),
          "file", new FileScanner());

  private MetadataScanners() {}

  public static Optional<MetadataScanner> forType(String canonicalType) {
    return canonicalType == null
        ? Optional.empty()
        : Optional.ofNullable(BY_TYPE.get(canonicalType));
  }

  /** The canonical types with a scanner, sorted. */
  public static Set<String> scannableTypes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(BY_TYPE.keySet()));
  }
}
