package io.datadock.connectors.family;

import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SourceFamily} provides for one {@link SourceType} it serves: the live connection
 * check, the metadata scanner, and where a connection of that type goes (so the egress policy can
 * decide before any credential is resolved). The fields such a connection carries are the type's
 * model, {@link SourceType#fields()}.
 */
public record SourceSupport(
    SourceType type,
    ConnectionCheck check,
    MetadataScanner scanner,
    SourceSupport.Destinations destinations) {

  /**
   * Where a connection goes. Names nothing for a connection missing what it needs (the check itself
   * reports the missing field).
   */
  @FunctionalInterface
  public interface Destinations {
    List<Destination> of(SourceConnection connection);
  }

  public SourceSupport {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(scanner, "scanner");
    Objects.requireNonNull(destinations, "destinations");
  }
}
