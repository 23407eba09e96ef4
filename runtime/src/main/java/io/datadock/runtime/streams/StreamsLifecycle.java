package io.datadock.runtime.streams;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Datadock Streams app does with its lifecycle: readiness as a future, threads replaced.
 */
public final class StreamsLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsLifecycle.class);

  private StreamsLifecycle() {}

  /**
   * @param onRebalance run each time the app starts rebalancing (on a stream thread; keep it short)
   * @return completes the first time the app is RUNNING (its tasks assigned and restored)
   */
  public static CompletableFuture<Void> watch(
      KafkaStreams streams, String service, Runnable onRebalance) {
    CompletableFuture<Void> running = new CompletableFuture<>();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.complete(null);
          } else if (now == KafkaStreams.State.REBALANCING) {
            onRebalance.run();
          }
        });
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("{} stream thread failed, replacing it", service, e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    return running;
  }
}
