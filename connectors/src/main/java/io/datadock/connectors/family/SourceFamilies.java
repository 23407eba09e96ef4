package io.datadock.connectors.family;

import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.bigquery.BigQueryFamily;
import io.datadock.connectors.egress.Destination;
import io.datadock.connectors.eventhub.EventHubFamily;
import io.datadock.connectors.file.FileFamily;
import io.datadock.connectors.jdbc.JdbcFamily;
import io.datadock.connectors.kafka.KafkaFamily;
import io.datadock.connectors.mongodb.MongoFamily;
import io.datadock.connectors.objectstore.ObjectStoreFamily;
import io.datadock.connectors.pulsar.PulsarFamily;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.search.SearchFamily;
import io.datadock.connectors.snowflake.SnowflakeFamily;
import io.datadock.core.manifest.depot.SourceType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one registry of source families, keyed by {@link SourceType}: a type is served by exactly one
 * family, or is declared without a live check ({@link #withoutLiveCheck()}: a depot of it settles
 * unverified and is not scanned). Adding a type: its fields in {@code SourceType}, then either its
 * family's {@link SourceFamily#serves()} or {@link #withoutLiveCheck()}.
 */
public final class SourceFamilies {

  private static final List<SourceFamily> FAMILIES =
      List.of(
          new JdbcFamily(),
          new KafkaFamily(),
          new FileFamily(),
          new ObjectStoreFamily(),
          new EventHubFamily(),
          new SearchFamily(),
          new MongoFamily(),
          new PulsarFamily(),
          new BigQueryFamily(),
          new SnowflakeFamily());

  /** Every type has a live check now; a new type without one would be declared here. */
  private static final Set<SourceType> WITHOUT_LIVE_CHECK =
      Collections.unmodifiableSet(EnumSet.noneOf(SourceType.class));

  private static final Map<SourceType, SourceSupport> BY_TYPE = index(FAMILIES);

  private SourceFamilies() {}

  /** Every family, in the order they are listed. */
  public static List<SourceFamily> all() {
    return FAMILIES;
  }

  /** The types a depot may declare that no family serves: no live check, no scan. */
  public static Set<SourceType> withoutLiveCheck() {
    return WITHOUT_LIVE_CHECK;
  }

  /** The types some family serves, in declaration order. */
  public static Set<SourceType> served() {
    Set<SourceType> served = EnumSet.noneOf(SourceType.class);
    served.addAll(BY_TYPE.keySet());
    return Collections.unmodifiableSet(served);
  }

  public static Optional<SourceSupport> support(SourceType type) {
    return Optional.ofNullable(type).map(BY_TYPE::get);
  }

  /** The live check of a type; empty for a type without one. */
  public static Optional<ConnectionCheck> check(SourceType type) {
    return support(type).map(SourceSupport::check);
  }

  /** The metadata scanner of a type; empty for a type without one. */
  public static Optional<MetadataScanner> scanner(SourceType type) {
    return support(type).map(SourceSupport::scanner);
  }

  /**
   * The metadata scanner of each type, object-store listings bounded by {@code objectBudget}
   * objects a depot (the operator's {@code DATADOCK_SCAN_OBJECT_BUDGET}); empty for a type without
   * one.
   */
  public static Function<SourceType, Optional<MetadataScanner>> scanners(int objectBudget) {
    Map<SourceType, SourceSupport> budgeted = index(List.of(new ObjectStoreFamily(objectBudget)));
    return type ->
        Optional.ofNullable(budgeted.get(type)).map(SourceSupport::scanner).or(() -> scanner(type));
  }

  /**
   * Where a check or scan of the connection would go; none for a type without a live check (or a
   * type name that is not canonical) and for a connection missing what it needs.
   */
  public static List<Destination> destinations(SourceConnection connection) {
    return connection
        .sourceType()
        .flatMap(SourceFamilies::support)
        .map(support -> support.destinations().of(connection))
        .orElse(List.of());
  }

  /** The families' types, each served once. */
  static Map<SourceType, SourceSupport> index(List<SourceFamily> families) {
    Map<SourceType, SourceSupport> byType = new EnumMap<>(SourceType.class);
    for (SourceFamily family : families) {
      for (SourceSupport support : family.serves()) {
        if (byType.putIfAbsent(support.type(), support) != null) {
          throw new IllegalStateException(
              "source type "
                  + support.type().canonical()
                  + " is served twice ("
                  + family.name()
                  + ")");
        }
      }
    }
    return Collections.unmodifiableMap(byType);
  }
}
