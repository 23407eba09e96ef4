package io.datadock.connectors.family;

import java.util.List;

/**
 * One source family (JDBC databases, Kafka, files), declared in one class: for each {@code core}
 * {@link io.datadock.core.manifest.depot.SourceType} it serves, its check, its scanner and where it
 * connects ({@link SourceSupport}). Listed in {@link SourceFamilies}.
 *
 * <p>Validation stays split by what can run where: the fields a manifest may carry per type, and
 * their kinds, are {@code SourceType}'s (the gateway validates manifests with them and carries no
 * driver); a family validates again what it puts into a URL, a socket or a path at connect time
 * (JDBC's {@code JdbcUrl} and {@code UrlParams}, Kafka's {@code KafkaClients.brokers}, the {@code
 * FileRoots}), and refuses with {@link io.datadock.connectors.UnsafeConnectionField}.
 */
public interface SourceFamily {

  /** The family's name for logs and documents, for example {@code jdbc}. */
  String name();

  /** What the family provides for each type it serves; a type appears once. */
  List<SourceSupport> serves();
}
