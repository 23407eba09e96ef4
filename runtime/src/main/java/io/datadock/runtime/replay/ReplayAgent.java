package io.datadock.runtime.replay;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.schemas.control.ReplayControl;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's side of a replay, on Kafka: follows {@code replay.control} for its service, hands
 * each record to an {@link AgentRunner} (which decides with {@link AgentProtocol} and drives the
 * {@link Replayable}) and writes the answers back. If the coordinator goes away between REQUESTED
 * and RESET, the instance resumes where it was after {@code resetTimeout} instead of staying
 * stopped.
 */
public final class ReplayAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReplayAgent.class);

  private final String service;
  private final ControlTopic topic;
  private final TopicTail<String, ReplayControl> tail;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "replay-agent-timer");
            t.setDaemon(true);
            return t;
          });
  private final Clock clock = Clock.systemUTC();

  /**
   * @param service the name operators replay it by: {@code secret}, {@code depot} or {@code
   *     scanner}
   */
  public ReplayAgent(
      KafkaConnection kafka,
      String topicPrefix,
      String service,
      String instance,
      Replayable target,
      Duration resetTimeout) {
    this.service = service;
    this.topic = new ControlTopic(kafka, topicPrefix, "replay-agent-" + service);
    AgentRunner runner =
        new AgentRunner(
            service,
            target,
            new AgentProtocol(instance, resetTimeout),
            this::send,
            clock,
            this::schedule,
            d -> Thread.sleep(d.toMillis()));
    this.tail =
        topic.follow(
            control -> {
              if (service.equals(control.getService())) {
                runner.on(ControlMessage.from(control));
              }
            });
  }

  /** Completes once the agent follows the control topic: requests from then on reach it. */
  public CompletableFuture<Void> start() {
    tail.start();
    return tail.caughtUp();
  }

  private Runnable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> scheduled = timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> scheduled.cancel(false);
  }

  private void send(ControlMessage answer) {
    try {
      topic.send(service, answer, clock.millis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.error("replay={} cannot answer {}", answer.replayId(), answer.phase(), e);
    }
  }

  @Override
  public void close() {
    tail.close();
    timer.shutdownNow();
    topic.close();
  }
}
