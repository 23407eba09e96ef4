package io.datadock.runtime.replay;

import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.TopicWriter;
import io.datadock.schemas.Topics;
import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import io.datadock.schemas.control.StateShare;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's side of a replay: follows {@code replay.control} for its service and drives its
 * {@link Replayable}. On REQUESTED it pauses, answers STOPPED with its digest and leaves the group;
 * on RESET it rebuilds; on DIGEST_REQUESTED it answers DIGEST. If the coordinator goes away between
 * REQUESTED and RESET, the instance resumes where it was after {@code resetTimeout} instead of
 * staying stopped.
 */
public final class ReplayAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayAgent.class);
  private static final Duration DIGEST_WAIT = Duration.ofSeconds(60);

  private final String service;
  private final String instance;
  private final Replayable target;
  private final Duration resetTimeout;
  private final TopicWriter writer;
  private final TopicTail<String, ReplayControl> tail;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "replay-agent-timer");
            t.setDaemon(true);
            return t;
          });
  private final Clock clock = Clock.systemUTC();
  private String stoppedFor;
  private ScheduledFuture<?> abandon;

  /**
   * @param service the name operators replay it by: {@code secret}, {@code depot} or {@code
   *     scanner}
   */
  public ReplayAgent(
      String bootstrapServers,
      String topicPrefix,
      String service,
      String instance,
      Replayable target,
      Duration resetTimeout) {
    this.service = service;
    this.instance = instance;
    this.target = target;
    this.resetTimeout = resetTimeout;
    this.writer =
        new TopicWriter(
            KafkaSettings.producer(bootstrapServers, "replay-agent-" + service), topicPrefix);
    this.tail = controlTail(bootstrapServers, topicPrefix, this::onRecord);
  }

  /** Follows {@code replay.control} from its end: the agents' and the coordinator's inbox. */
  static TopicTail<String, ReplayControl> controlTail(
      String bootstrapServers,
      String topicPrefix,
      java.util.function.Consumer<ConsumerRecord<String, ReplayControl>> handler) {
    return new TopicTail<>(
        KafkaSettings.committedConsumer(bootstrapServers, null),
        Topics.REPLAY_CONTROL.name(topicPrefix),
        Topics.REPLAY_CONTROL.keySerde().deserializer(),
        Topics.REPLAY_CONTROL.valueSerde().deserializer(),
        TopicTail.From.END,
        handler);
  }

  /** Completes once the agent follows the control topic: requests from then on reach it. */
  public CompletableFuture<Void> start() {
    tail.start();
    return tail.caughtUp();
  }

  private void onRecord(ConsumerRecord<String, ReplayControl> record) {
    ReplayControl control = record.value();
    if (control != null && service.equals(control.getService())) {
      on(control);
    }
  }

  synchronized void on(ReplayControl control) {
    String replayId = control.getReplayId();
    switch (control.getPhase()) {
      case REQUESTED -> stop(replayId);
      case RESET -> {
        if (replayId.equals(stoppedFor)) {
          resume(true, control.getBoundary());
        }
      }
      case DIGEST_REQUESTED -> answerDigest(replayId);
      case FAILED -> {
        if (control.getInstance() == null && replayId.equals(stoppedFor)) {
          LOG.warn("replay={} service={} called off: {}", replayId, service, control.getMessage());
          resume(false, Map.of());
        }
      }
      default -> {}
    }
  }

  private void stop(String replayId) {
    if (stoppedFor != null) {
      return;
    }
    LOG.info("replay={} service={} instance={} stopping", replayId, service, instance);
    try {
      Map<Integer, StateDigest> before = readable(target::pauseAndDigest);
      // Sent before leaving: once the group is empty, every instance's answer is on the topic.
      send(answer(replayId, ReplayPhase.STOPPED, before, null));
      target.leave();
      stoppedFor = replayId;
      abandon =
          timer.schedule(() -> abandon(replayId), resetTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.error("replay={} service={} could not stop", replayId, service, e);
      try {
        // still a member, only paused (or not even that): carry on as before
        target.unpause();
      } catch (RuntimeException again) {
        LOG.error("replay={} service={} cannot resume processing", replayId, service, again);
      }
      send(answer(replayId, ReplayPhase.FAILED, null, "could not stop: " + e.getMessage()));
    }
  }

  private synchronized void abandon(String replayId) {
    if (replayId.equals(stoppedFor)) {
      LOG.warn(
          "replay={} service={} no reset within {}: resuming without a rebuild",
          replayId,
          service,
          resetTimeout);
      resume(false, Map.of());
    }
  }

  private void resume(boolean rebuild, Map<String, Long> boundary) {
    if (abandon != null) {
      abandon.cancel(false);
    }
    LOG.info(
        "replay={} service={} instance={} {}",
        stoppedFor,
        service,
        instance,
        rebuild ? "rebuilding from the input topics" : "resuming");
    stoppedFor = null;
    target.restart(rebuild, boundary);
  }

  private void answerDigest(String replayId) {
    try {
      send(answer(replayId, ReplayPhase.DIGEST, readable(target::digest), null));
    } catch (RuntimeException e) {
      send(answer(replayId, ReplayPhase.FAILED, null, e.getMessage()));
    }
  }

  /**
   * A digest once the state can be read: not while tasks are being assigned or restored, which
   * right after a rebuild or during a rebalance takes a moment.
   */
  private Map<Integer, StateDigest> readable(Supplier<Map<Integer, StateDigest>> digest) {
    Instant deadline = clock.instant().plus(DIGEST_WAIT);
    while (true) {
      try {
        return digest.get();
      } catch (StateNotReadableYet e) {
        if (clock.instant().isAfter(deadline)) {
          throw new IllegalStateException("state not readable within " + DIGEST_WAIT + ": " + e, e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private ReplayControl answer(
      String replayId, ReplayPhase phase, Map<Integer, StateDigest> shares, String message) {
    Map<String, StateShare> encoded = new java.util.TreeMap<>();
    if (shares != null) {
      shares.forEach(
          (partition, d) ->
              encoded.put(String.valueOf(partition), new StateShare(d.entries(), d.sha256())));
    }
    return ReplayControl.newBuilder()
        .setReplayId(replayId)
        .setService(service)
        .setPhase(phase)
        .setInstance(instance)
        .setShares(encoded)
        .setMessage(message)
        .setAt(clock.millis())
        .build();
  }

  private void send(ReplayControl control) {
    try {
      writer.send(Topics.REPLAY_CONTROL, service, control).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("replay={} cannot answer {}", control.getReplayId(), control.getPhase(), e);
    }
  }

  @Override
  public void close() {
    tail.close();
    timer.shutdownNow();
    writer.close();
  }
}
