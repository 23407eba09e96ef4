package io.datadock.catalog.view;

import io.datadock.catalog.scan.ScanTarget;
import io.datadock.core.resource.ResourceKind;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.schemas.Topics;
import io.datadock.schemas.resource.ResourceState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The active depots, from {@code resource.state}: what on-demand and periodic rescans scan. (An
 * activation event carries its own target; a rescan may come long after it, or after a restart.)
 */
public final class DepotDirectory implements AutoCloseable {

  private final Map<String, ScanTarget> active = new ConcurrentHashMap<>();
  private final TopicTail<String, ResourceState> tail;

  public DepotDirectory(KafkaConnection kafka, String topicPrefix) {
    tail =
        new TopicTail<>(
            KafkaSettings.committedConsumer(kafka, null),
            Topics.RESOURCE_STATE.name(topicPrefix),
            Topics.RESOURCE_STATE.keySerde().deserializer(),
            Topics.RESOURCE_STATE.valueSerde().deserializer(),
            TopicTail.From.BEGINNING,
            this::apply);
  }

  public DepotDirectory start() {
    tail.start();
    return this;
  }

  public CompletableFuture<Void> caughtUp() {
    return tail.caughtUp();
  }

  void apply(ConsumerRecord<String, ResourceState> record) {
    ResourceState state = record.value();
    if (state == null) {
      active.remove(record.key());
    } else if (ResourceKind.DEPOT.is(state.getKind())
        && ResourceStatus.ACTIVE.is(state.getStatus())) {
      active.put(record.key(), ScanTarget.of(state));
    } else if (ResourceKind.DEPOT.is(state.getKind())) {
      active.remove(record.key());
    }
  }

  public Optional<ScanTarget> activeDepot(String depotKey) {
    return Optional.ofNullable(active.get(depotKey));
  }

  public List<ScanTarget> activeDepots() {
    return List.copyOf(active.values());
  }

  @Override
  public void close() {
    tail.close();
  }
}
