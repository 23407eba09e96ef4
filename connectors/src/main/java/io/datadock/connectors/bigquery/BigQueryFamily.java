package io.datadock.connectors.bigquery;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * BigQuery ({@link SourceType#BIGQUERY}, fields {@code project}, {@code params}, {@code endpoint}):
 * {@link BigQueryCheck} and {@link BigQueryScanner} over the REST API at the {@code endpoint} or
 * Google's (the key file's {@code token_uri} is decided when they log in).
 */
public final class BigQueryFamily implements SourceFamily {

  @Override
  public String name() {
    return "bigquery";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.BIGQUERY,
            new BigQueryCheck(),
            new BigQueryScanner(),
            BigQueryFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      BigQueryApi.project(connection);
      return List.of(BigQueryApi.endpoint(connection).endpoint());
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
