package io.datadock.depot.validation;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.OffsetTracker;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * depot-service's validator: consumes {@code depot.validation.requests}, runs each check on a
 * worker pool (never on a stream thread), and publishes each result on the depot's one ordered
 * input, {@code depot.commands}, where the topology decides it in line with the depot's commands
 * and replies. Offsets are committed only once a result is acknowledged, so a crash redoes a check
 * rather than losing it; a redone check carries the same check id, and the topology applies a
 * result once.
 *
 * <p>Requests are read <em>uncommitted</em>, so a check starts without waiting for the commit of
 * the transaction that asked for it (one saga hop less). A request of a transaction that aborts is
 * sent again by the redo with the same check id and content (the topology decides the depot's one
 * ordered log deterministically, and a check id is its depot's counter), so at worst the check runs
 * twice: the first result on {@code depot.commands} is the one applied, in the live run, a redo and
 * a replay alike, and a later one for the same check id is ignored. A result is applied only while
 * the depot's state holds its check id, and that state is the one every redo of the log rebuilds.
 *
 * <p>A check whose depot has a newer one read meanwhile is not run ({@link LatestChecks}): no
 * result of it would be applied. Its offset counts as done.
 */
public final class ValidationRequestConsumer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ValidationRequestConsumer.class);
  private static final int MAX_IN_FLIGHT = 256;

  private final KafkaConsumer<String, ValidationRequest> consumer;
  private final KafkaProducer<String, SpecificRecord> producer;
  private final CheckRunner runner;
  private final Duration hardLimit;
  private final ExecutorService workers;
  private final OffsetTracker offsets = new OffsetTracker();
  private final LatestChecks latest = new LatestChecks();
  private final String requestsTopic;
  private final String depotInputsTopic;
  private final Thread loop;
  private volatile boolean running = true;

  /**
   * This instance in the validators' group: a static member, so that a restarted depot-service
   * takes its requests back at once instead of after its former self's session.
   */
  public record GroupMember(String instanceId, Duration sessionTimeout) {}

  /**
   * @param checkTimeout each check's own timeout; a check still running well after it is reported
   *     failed so one stuck driver cannot keep a depot pending
   */
  public ValidationRequestConsumer(
      KafkaConnection kafka,
      String topicPrefix,
      String groupId,
      GroupMember member,
      CheckRunner runner,
      Duration checkTimeout,
      int threads) {
    Map<String, Object> consumerProps =
        new java.util.HashMap<>(
            KafkaSettings.staticMember(
                kafka, groupId, member.instanceId(), member.sessionTimeout()));
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"); // see above
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
    this.consumer =
        new KafkaConsumer<>(
            consumerProps,
            Topics.DEPOT_VALIDATION_REQUESTS.keySerde().deserializer(),
            Topics.DEPOT_VALIDATION_REQUESTS.valueSerde().deserializer());
    this.producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, groupId + "-results"),
            Topics.DEPOT_COMMANDS.keySerde().serializer(),
            Topics.DEPOT_COMMANDS.valueSerde().serializer());
    this.runner = runner;
    this.hardLimit = checkTimeout.plusSeconds(5);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "depot-check-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.requestsTopic = Topics.DEPOT_VALIDATION_REQUESTS.name(topicPrefix);
    this.depotInputsTopic = Topics.DEPOT_COMMANDS.name(topicPrefix);
    this.loop = new Thread(this::run, "depot-validator");
  }

  public void start() {
    loop.start();
  }

  private void run() {
    consumer.subscribe(
        List.of(requestsTopic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            offsets.revoked(partitions);
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
        });
    try {
      while (running) {
        if (offsets.pending() >= MAX_IN_FLIGHT) {
          consumer.pause(consumer.assignment());
        } else {
          consumer.resume(consumer.paused());
        }
        for (ConsumerRecord<String, ValidationRequest> record :
            consumer.poll(Duration.ofMillis(50))) {
          if (record.value() != null) {
            submit(record);
          }
        }
        commit();
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      commit();
      consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void submit(ConsumerRecord<String, ValidationRequest> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    offsets.started(partition, record.offset());
    ValidationRequest request = record.value();
    String depot = request.getDepotKey();
    long checkId = request.getCheckId();
    latest.read(depot, checkId);
    // empty: superseded, not run; null: timed out or failed
    CompletableFuture.supplyAsync(
            () ->
                latest.superseded(depot, checkId)
                    ? Optional.<ValidationResult>empty()
                    : Optional.of(runner.run(request)),
            workers)
        .completeOnTimeout(null, hardLimit.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (result, error) -> {
              latest.over(depot, checkId);
              if (result != null && result.isEmpty()) {
                offsets.finished(partition, record.offset());
                LOG.debug("depot check superseded depot={} checkId={}", depot, checkId);
                return;
              }
              ValidationResult out =
                  result != null ? result.get() : TimedOut.result(request, hardLimit, error);
              producer.send(
                  new ProducerRecord<>(depotInputsTopic, request.getDepotKey(), out),
                  (metadata, sendError) -> {
                    if (sendError != null) {
                      // Not marked finished: the offset stays uncommitted and the check is redone
                      // after a restart.
                      LOG.error(
                          "depot check result not sent depot={} checkId={}",
                          request.getDepotKey(),
                          request.getCheckId(),
                          sendError);
                      return;
                    }
                    offsets.finished(partition, record.offset());
                  });
              LOG.info(
                  "depot check depot={} checkId={} reason={} passed={} verified={} durationMs={}",
                  request.getDepotKey(),
                  request.getCheckId(),
                  request.getReason(),
                  out.getPassed(),
                  out.getVerified(),
                  out.getDurationMs());
            });
  }

  private void commit() {
    Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> ready =
        offsets.committable();
    if (!ready.isEmpty()) {
      consumer.commitAsync(ready, null);
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    producer.close(Duration.ofSeconds(5));
  }
}
