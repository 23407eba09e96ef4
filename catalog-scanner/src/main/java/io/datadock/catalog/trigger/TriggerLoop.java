package io.datadock.catalog.trigger;

import io.datadock.catalog.work.DepotWorkQueue;
import io.datadock.catalog.work.Work;
import io.datadock.runtime.kafka.OffsetTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanner's consumer of {@code depot.events} and {@code catalog.scan.requests}: hands each
 * record's {@link Work} to the {@link DepotWorkQueue} and commits an offset once the work it asked
 * for is done. Stopped and started again (with a new consumer) by a replay; paused by it in
 * between.
 */
public final class TriggerLoop {

  private static final Logger LOG = LoggerFactory.getLogger(TriggerLoop.class);

  private final Map<String, Object> consumerConfig;
  private final MeterRegistry registry;
  private final String depotEvents;
  private final String scanRequests;
  private final Triggers triggers;
  private final DepotWorkQueue queue;
  private final DepotOwnership ownership;
  private volatile GroupMembershipOperation onClose = GroupMembershipOperation.REMAIN_IN_GROUP;
  private final OffsetTracker offsets = new OffsetTracker();
  private final CompletableFuture<Void> assigned = new CompletableFuture<>();
  private volatile PauseSwitch pause = new PauseSwitch();
  private volatile boolean open;
  private volatile Thread thread;
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaClientMetrics consumerMetrics;

  public TriggerLoop(
      Map<String, Object> consumerConfig,
      MeterRegistry registry,
      String depotEvents,
      String scanRequests,
      Triggers triggers,
      DepotWorkQueue queue,
      DepotOwnership ownership) {
    this.consumerConfig = Map.copyOf(consumerConfig);
    this.registry = registry;
    this.depotEvents = depotEvents;
    this.scanRequests = scanRequests;
    this.triggers = triggers;
    this.queue = queue;
    this.ownership = ownership;
  }

  /** A new consumer and its thread: once at start, again after a replay. */
  public synchronized void start() {
    open = true;
    pause = new PauseSwitch();
    consumer =
        new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
    thread = new Thread(this::run, "catalog-scanner");
    thread.start();
  }

  /**
   * Stops the thread. Its consumer stays a member of the group (a static member): a restart under
   * the same instance id takes its partitions back at once.
   */
  public synchronized void stop() {
    stop(GroupMembershipOperation.REMAIN_IN_GROUP);
  }

  /**
   * Stops the thread and takes its consumer out of the group, as a replay needs: the group can only
   * be deleted once it has no member, and a static member that merely closes stays one until its
   * session times out.
   */
  public synchronized void stopAndLeaveGroup() {
    stop(GroupMembershipOperation.LEAVE_GROUP);
  }

  private void stop(GroupMembershipOperation membership) {
    if (thread == null) {
      return;
    }
    onClose = membership;
    open = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumerMetrics.close();
  }

  /** Completes, with the {@code depot.events} partitions held, once the consumer is paused. */
  public CompletableFuture<Set<Integer>> pause() {
    return pause.pause();
  }

  public void resume() {
    pause.resume();
  }

  /** Completes once the consumer first got its partitions. */
  public CompletableFuture<Void> assigned() {
    return assigned;
  }

  public boolean isAlive() {
    Thread current = thread;
    return current != null && current.isAlive();
  }

  private void run() {
    consumer.subscribe(List.of(depotEvents, scanRequests), new Rebalance());
    try {
      while (open) {
        switch (pause.next(ownership::partitions)) {
          case PAUSE -> consumer.pause(consumer.assignment());
          case RESUME -> consumer.resume(consumer.assignment());
          case NONE -> {}
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.value() != null) {
            dispatch(record);
          }
        }
        commit();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("catalog scanner stopped", e);
    } finally {
      commit();
      consumer.close(
          CloseOptions.groupMembershipOperation(onClose).withTimeout(Duration.ofSeconds(5)));
    }
  }

  private void dispatch(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Optional<Work> work =
        triggers.decide(record.topic(), record.partition(), record.offset(), record.value());
    offsets.started(partition, record.offset());
    if (work.isEmpty()) {
      // Nothing to do is done at once: the committed offset moves past it (a replay waits for it).
      offsets.finished(partition, record.offset());
      return;
    }
    queue
        .enqueue(record.key(), work.get())
        .whenComplete((v, e) -> offsets.finished(partition, record.offset()));
  }

  private void commit() {
    var ready = offsets.committable();
    if (!ready.isEmpty()) {
      consumer.commitAsync(ready, null);
    }
  }

  /** Commits what is done before partitions go; keeps {@link DepotOwnership} current. */
  private final class Rebalance implements ConsumerRebalanceListener {

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commit();
      offsets.revoked(partitions);
      ownership.revoked(eventPartitions(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (pause.paused()) {
        consumer.pause(partitions);
      }
      ownership.assigned(eventPartitions(partitions), consumer.partitionsFor(depotEvents).size());
      assigned.complete(null);
    }

    private List<Integer> eventPartitions(Collection<TopicPartition> partitions) {
      return partitions.stream()
          .filter(p -> p.topic().equals(depotEvents))
          .map(TopicPartition::partition)
          .toList();
    }
  }
}
