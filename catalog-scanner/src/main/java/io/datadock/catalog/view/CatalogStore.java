package io.datadock.catalog.view;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.Dataset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The catalog as it stands on the compacted {@code catalog.datasets} topic, read back by the
 * scanner that writes it, grouped by depot. Scans diff against it after {@link #sync()}, so they
 * see everything written before them, by this instance or another.
 */
public final class CatalogStore implements AutoCloseable {

  /** depot key → dataset key → dataset */
  private final Map<String, Map<String, Dataset>> byDepot = new ConcurrentHashMap<>();

  /** dataset key → depot key, to apply tombstones */
  private final Map<String, String> depotOf = new ConcurrentHashMap<>();

  private final TopicTail<String, Dataset> tail;

  public CatalogStore(KafkaConnection kafka, String topicPrefix) {
    tail =
        new TopicTail<>(
            KafkaSettings.committedConsumer(kafka, null),
            Topics.CATALOG_DATASETS.name(topicPrefix),
            Topics.CATALOG_DATASETS.keySerde().deserializer(),
            Topics.CATALOG_DATASETS.valueSerde().deserializer(),
            TopicTail.From.BEGINNING,
            this::apply);
  }

  public CatalogStore start() {
    tail.start();
    return this;
  }

  public CompletableFuture<Void> caughtUp() {
    return tail.caughtUp();
  }

  /** Completes once every record written before this call is in the store. */
  public CompletableFuture<Void> sync() {
    return tail.sync();
  }

  void apply(ConsumerRecord<String, Dataset> record) {
    String key = record.key();
    Dataset dataset = record.value();
    if (dataset == null) {
      String depot = depotOf.remove(key);
      if (depot != null) {
        byDepot.computeIfPresent(
            depot,
            (d, datasets) -> {
              datasets.remove(key);
              return datasets.isEmpty() ? null : datasets;
            });
      }
      return;
    }
    depotOf.put(key, dataset.getDepotKey());
    byDepot
        .computeIfAbsent(dataset.getDepotKey(), d -> new ConcurrentHashMap<>())
        .put(key, dataset);
  }

  /** The depots that have datasets. */
  public java.util.Set<String> depotKeys() {
    return java.util.Set.copyOf(byDepot.keySet());
  }

  /** A copy of one depot's datasets, by dataset key. */
  public Map<String, Dataset> datasetsOf(String depotKey) {
    return new HashMap<>(byDepot.getOrDefault(depotKey, Map.of()));
  }

  @Override
  public void close() {
    tail.close();
  }
}
