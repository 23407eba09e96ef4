package io.datadock.catalog.scan;

import io.datadock.catalog.model.CatalogDiff;
import io.datadock.catalog.model.DatasetKeys;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.CatalogEvent;
import io.datadock.schemas.catalog.CatalogEventType;
import io.datadock.schemas.catalog.Dataset;
import io.datadock.schemas.catalog.ScanRun;
import java.util.List;
import java.util.UUID;

/**
 * Writes the catalog: dataset records (and tombstones) to {@code catalog.datasets}, and dataset and
 * scan-run events to {@code catalog.events}. One idempotent producer; a dataset's record and its
 * event share a key, so each stays in order.
 */
public final class CatalogPublisher implements AutoCloseable {

  private final TopicWriter writer;
  private final java.util.concurrent.atomic.AtomicReference<Exception> failure =
      new java.util.concurrent.atomic.AtomicReference<>();

  public CatalogPublisher(KafkaConnection kafka, String topicPrefix) {
    var config = KafkaSettings.producer(kafka, "datadock-catalog-scanner");
    config.put("linger.ms", 5);
    config.put("compression.type", "lz4");
    this.writer = new TopicWriter(config, topicPrefix);
  }

  public void run(ScanRun run, CatalogEventType type, long at) {
    send(
        Topics.CATALOG_EVENTS,
        run.getDepotKey(),
        event(type, run.getTenant(), run.getDepot(), at).setRun(run).build());
    flush();
  }

  /** Publishes one scan's changes; blocks until the broker has them all. */
  public void publish(CatalogDiff diff, long at) {
    for (Dataset created : diff.created()) {
      send(Topics.CATALOG_DATASETS, key(created), created);
      send(
          Topics.CATALOG_EVENTS,
          key(created),
          datasetEvent(CatalogEventType.DATASET_CREATED, created, at)
              .setFingerprint(created.getFingerprint())
              .setColumnsAdded(created.getColumns())
              .build());
    }
    for (CatalogDiff.Change change : diff.changed()) {
      Dataset after = change.after();
      send(Topics.CATALOG_DATASETS, key(after), after);
      if (CatalogDiff.isSchemaChange(change)) {
        send(
            Topics.CATALOG_EVENTS,
            key(after),
            datasetEvent(CatalogEventType.DATASET_SCHEMA_CHANGED, after, at)
                .setFingerprint(after.getFingerprint())
                .setPreviousFingerprint(change.before().getFingerprint())
                .setColumnsAdded(change.added())
                .setColumnsRemoved(change.removed())
                .setColumnsChanged(change.modified())
                .build());
      }
    }
    remove(diff.removed(), at);
  }

  /** Tombstones datasets and says so; blocks until the broker has them all. */
  public void remove(List<Dataset> datasets, long at) {
    for (Dataset gone : datasets) {
      send(Topics.CATALOG_DATASETS, key(gone), null);
      send(
          Topics.CATALOG_EVENTS,
          key(gone),
          datasetEvent(CatalogEventType.DATASET_REMOVED, gone, at)
              .setPreviousFingerprint(gone.getFingerprint())
              .build());
    }
    flush();
  }

  private static String key(Dataset d) {
    return DatasetKeys.of(d.getTenant(), d.getUdl());
  }

  private static CatalogEvent.Builder datasetEvent(CatalogEventType type, Dataset d, long at) {
    return event(type, d.getTenant(), d.getDepot(), at).setUdl(d.getUdl());
  }

  private static CatalogEvent.Builder event(
      CatalogEventType type, String tenant, String depot, long at) {
    return CatalogEvent.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setType(type)
        .setTenant(tenant)
        .setDepot(depot)
        .setOccurredAt(at);
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    writer
        .send(topic, key, value)
        .whenComplete(
            (metadata, error) -> {
              if (error != null) {
                failure.compareAndSet(
                    null, error instanceof Exception e ? e : new Exception(error));
              }
            });
  }

  /**
   * Waits until the broker has every record sent so far.
   *
   * @throws IllegalStateException when any of them was not written (the scan is then reported
   *     failed, and the next scan writes again)
   */
  public void flush() {
    writer.flush();
    Exception failed = failure.getAndSet(null);
    if (failed != null) {
      throw new IllegalStateException("catalog records were not written: " + failed.getMessage());
    }
  }

  @Override
  public void close() {
    writer.close();
  }
}
