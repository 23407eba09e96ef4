package io.datadock.runtime.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on a thread of its own, without a consumer group, handing
 * each record to a callback. Every gateway instance sees the whole topic, which is what a read view
 * or a reply router needs. {@link #caughtUp()} completes once everything that existed at start has
 * been handed over.
 */
public final class TopicTail<K, V> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);

  public enum From {
    BEGINNING,
    END
  }

  private final KafkaConsumer<K, V> consumer;
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
    return synced;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      if (from == From.BEGINNING) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(100))) {
          try {
            handler.accept(record);
          } catch (RuntimeException e) {
            LOG.error("topic={} offset={} handler failed", topic, record.offset(), e);
          }
        }
        if (!caughtUp.isDone() && reached(ends)) {
          caughtUp.complete(null);
        }
        if (syncTarget == null && !syncRequests.isEmpty()) {
          for (CompletableFuture<Void> f; (f = syncRequests.poll()) != null; ) {
            syncing.add(f);
          }
          syncTarget = consumer.endOffsets(partitions);
        }
        if (syncTarget != null && reached(syncTarget)) {
          syncing.forEach(f -> f.complete(null));
          syncing.clear();
          syncTarget = null;
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("topic={} tail stopped", topic, e);
      caughtUp.completeExceptionally(e);
      syncing.forEach(f -> f.completeExceptionally(e));
    } finally {
      consumer.close(java.time.Duration.ofSeconds(2));
    }
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
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
