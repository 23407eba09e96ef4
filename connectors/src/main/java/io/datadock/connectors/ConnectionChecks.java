package io.datadock.connectors;

import io.datadock.connectors.file.FileCheck;
import io.datadock.connectors.jdbc.GenericJdbcCheck;
import io.datadock.connectors.jdbc.MsSqlCheck;
import io.datadock.connectors.jdbc.MySqlCheck;
import io.datadock.connectors.jdbc.OracleCheck;
import io.datadock.connectors.jdbc.PostgresCheck;
import io.datadock.connectors.jdbc.RedshiftCheck;
import io.datadock.connectors.kafka.KafkaCheck;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The live connection check of each source type that has one. Looks up canonical type names only
 * ({@code postgres}, not the alias {@code postgresql}): aliases are resolved where manifests are
 * read ({@code io.datadock.core.manifest.depot.SourceType}).
 */
public final class ConnectionChecks {

  private static final Map<String, ConnectionCheck> BY_TYPE =
      Map.of(
          "postgres", new PostgresCheck(),
          "mysql", new MySqlCheck(),
          "mssql", new MsSqlCheck(),
          "oracle", new OracleCheck(),
          "redshift", new RedshiftCheck(),
          "jdbc", new GenericJdbcCheck(),
          "kafka", new KafkaCheck(),
          "file", new FileCheck());

  private ConnectionChecks() {}

  public static Optional<ConnectionCheck> forType(String canonicalType) {
    return canonicalType == null
        ? Optional.empty()
        : Optional.ofNullable(BY_TYPE.get(canonicalType));
  }

  /** The canonical types with a live check, sorted. */
  public static Set<String> liveTypes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(BY_TYPE.keySet()));
  }
}
