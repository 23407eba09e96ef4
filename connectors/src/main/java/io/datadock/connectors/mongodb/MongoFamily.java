package io.datadock.connectors.mongodb;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * MongoDB ({@link SourceType#MONGODB}, fields {@code nodes}, {@code subprotocol}, {@code params}):
 * {@link MongoCheck}, {@link MongoScanner}, every node a destination.
 */
public final class MongoFamily implements SourceFamily {

  @Override
  public String name() {
    return "mongodb";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(
        new SourceSupport(
            SourceType.MONGODB, new MongoCheck(), new MongoScanner(), MongoFamily::destinations));
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      return List.copyOf(MongoNodes.of(connection));
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
