package io.datadock.runtime.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on a thread of its own, without a consumer group, handing
 * each record to a callback. Every gateway instance sees the whole topic, which is what a read view
 * or a reply router needs. {@link #caughtUp()} completes once everything that existed at start has
 * been handed over.
 *
 * <p>A {@link #sync()} reads the end offsets on a connection of its own. On the tail's, the request
 * would queue behind the fetch in flight (a broker answers one request of a connection at a time,
 * and a fetch with nothing new waits up to {@code fetch.max.wait.ms}, 500 ms), which made every
 * sync cost about that: every catalog scan, every identity write through the gateway.
 */
public final class TopicTail<K, V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

  /** How long a sync waits for the end offsets; then it fails, and the tail goes on. */
  static final Duration SYNC_END_OFFSETS_TIMEOUT = Duration.ofSeconds(5);

  public enum From {
    BEGINNING,
    END
  }

  private final KafkaConsumer<K, V> consumer;
  private final Map<String, Object> consumerConfig;
  private volatile KafkaConsumer<byte[], byte[]> offsets;
  private final String topic;
  private final From from;
  private final Consumer<ConsumerRecord<K, V>> handler;
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private final Thread thread;
  private final java.util.Queue<CompletableFuture<Void>> syncRequests =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final List<CompletableFuture<Void>> syncing = new java.util.ArrayList<>();
  private Map<TopicPartition, Long> syncTarget;
  private volatile boolean running = true;

  public TopicTail(
      Map<String, Object> consumerConfig,
      String topic,
      Deserializer<K> keys,
      Deserializer<V> values,
      From from,
      Consumer<ConsumerRecord<K, V>> handler) {
    this.consumer = new KafkaConsumer<>(consumerConfig, keys, values);
    this.consumerConfig = new java.util.HashMap<>(consumerConfig);
    this.topic = topic;
    this.from = from;
    this.handler = handler;
    this.thread = new Thread(this::run, "tail-" + topic);
    this.thread.setDaemon(true);
  }

  public TopicTail<K, V> start() {
    thread.start();
    return this;
  }

  public CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  /**
   * Completes once every record written to the topic before this call has been handed over: a
   * writer that reads its own topic back waits on this before deciding on what it wrote.
   */
  public CompletableFuture<Void> sync() {
    CompletableFuture<Void> synced = new CompletableFuture<>();
    syncRequests.add(synced);
    consumer.wakeup(); // the tail thread looks at it now, not when its poll times out
    return synced;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = null;
      Map<TopicPartition, Long> ends = null;
      while (running) {
        try {
          if (partitions == null) {
            List<TopicPartition> all = partitions();
            consumer.assign(all);
            if (from == From.BEGINNING) {
              consumer.seekToBeginning(all);
            } else {
              consumer.seekToEnd(all);
            }
            partitions = all;
          }
          if (ends == null) {
            ends = consumer.endOffsets(partitions);
          }
          step(partitions, ends);
        } catch (WakeupException e) {
          // close() ends the loop; a sync() only asks it to look at the request now
        }
      }
    } catch (RuntimeException e) {
      LOG.error("topic={} tail stopped", topic, e);
      caughtUp.completeExceptionally(e);
      syncing.forEach(f -> f.completeExceptionally(e));
    } finally {
      consumer.close(java.time.Duration.ofSeconds(2));
      if (offsets != null) {
        offsets.close(java.time.Duration.ofSeconds(2));
      }
    }
  }

  /** The syncs asked for taken in, one poll's records handed over, catch-up and syncs looked at. */
  private void step(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
    if (syncTarget == null && !syncRequests.isEmpty()) {
      for (CompletableFuture<Void> f; (f = syncRequests.poll()) != null; ) {
        syncing.add(f);
      }
      try {
        syncTarget = offsets().endOffsets(partitions, SYNC_END_OFFSETS_TIMEOUT);
      } catch (KafkaException e) {
        // A partition without a leader (a broker down): these syncs fail, the tail goes on. Left
        // to propagate, this ended the tail thread, and its view stopped for good.
        LOG.warn("topic={} end offsets for a sync not read: {}", topic, e.toString());
        syncing.forEach(f -> f.completeExceptionally(e));
        syncing.clear();
      }
    }
    if (syncTarget == null || !reached(syncTarget)) {
      for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(100))) {
        try {
          handler.accept(record);
        } catch (RuntimeException e) {
          LOG.error("topic={} offset={} handler failed", topic, record.offset(), e);
        }
      }
    }
    if (!caughtUp.isDone() && reached(ends)) {
      caughtUp.complete(null);
    }
    if (syncTarget != null && reached(syncTarget)) {
      syncing.forEach(f -> f.complete(null));
      syncing.clear();
      syncTarget = null;
    }
  }

  /** A consumer that fetches nothing: the end offsets a sync waits for, read on its connections. */
  private KafkaConsumer<byte[], byte[]> offsets() {
    if (offsets == null) {
      offsets =
          new KafkaConsumer<>(
              consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
    return offsets;
  }

  private List<TopicPartition> partitions() {
    while (true) {
      var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      LOG.warn("topic={} has no partitions yet, waiting", topic);
    }
  }

  private boolean reached(Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    KafkaConsumer<byte[], byte[]> syncing = offsets;
    if (syncing != null) {
      syncing.wakeup();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
