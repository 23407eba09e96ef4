package io.datadock.connectors.search;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.family.SourceFamily;
import io.datadock.connectors.family.SourceSupport;
import io.datadock.core.manifest.depot.SourceType;
import java.util.List;

/**
 * Search clusters, Elasticsearch and OpenSearch (field {@code nodes}): the same REST calls for both
 * ({@link SearchCheck}, {@link SearchScanner}), every node a destination.
 */
public final class SearchFamily implements SourceFamily {

  @Override
  public String name() {
    return "search";
  }

  @Override
  public List<SourceSupport> serves() {
    return List.of(support(SourceType.ELASTICSEARCH), support(SourceType.OPENSEARCH));
  }

  private static SourceSupport support(SourceType type) {
    return new SourceSupport(
        type, new SearchCheck(), new SearchScanner(), SearchFamily::destinations);
  }

  static List<Destination> destinations(SourceConnection connection) {
    try {
      return SearchNode.of(connection).stream().<Destination>map(SearchNode::endpoint).toList();
    } catch (UnsafeConnectionField e) {
      return List.of();
    }
  }
}
