package io.datadock.connectors.snowflake;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * Snowflake ({@link SourceType#SNOWFLAKE}, fields {@code url}, {@code database}, {@code warehouse},
 * {@code account}, {@code role}, {@code schema}): {@link SnowflakeCheck} and {@link
 * SnowflakeScanner} over Snowflake's REST login and query requests to the {@code url}'s host and
 * port (443 for https).
 */
public final class SnowflakeFamily implements SourceFamily {

  @Override
  public String name() {
    return "snowflake";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.SNOWFLAKE,
            new SnowflakeCheck(),
            new SnowflakeScanner(),
            SnowflakeFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      return List.of(SnowflakeAccount.of(connection).server().endpoint());
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
