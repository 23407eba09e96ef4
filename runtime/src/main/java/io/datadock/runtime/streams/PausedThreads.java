package io.datadock.runtime.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Waits until a paused app's stream threads have stopped processing. {@link KafkaStreams#pause()}
 * only sets a flag: a thread in the middle of its loop finishes the records it polled, writes them
 * to its stores and commits them later. A state read right after the pause could miss those writes
 * and still count their offsets as processed (a replay's digest "before" one entry short of the
 * rebuilt one). A thread polls at the start of each loop and processes nothing after a poll once
 * paused, so each thread's next poll after the pause ({@code poll-total} of {@code
 * stream-thread-metrics}) marks the end of its processing.
 */
final class PausedThreads {

  private static final String GROUP = "stream-thread-metrics";
  private static final String POLLS = "poll-total";
  private static final long CHECK_EVERY_MS = 5;

  private PausedThreads() {}

  /** Each thread's poll count now, by thread id. */
  static Map<String, Double> polls(KafkaStreams streams) {
    Map<String, Double> polls = new HashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> m : streams.metrics().entrySet()) {
      MetricName name = m.getKey();
      if (name.group().equals(GROUP) && name.name().equals(POLLS)) {
        Object value = m.getValue().metricValue();
        if (value instanceof Number n) {
          polls.put(name.tags().get("thread-id"), n.doubleValue());
        }
      }
    }
    return polls;
  }

  /**
   * Waits until every thread counted in {@code before} has polled again, or is gone.
   *
   * @return false when {@code within} ran out first
   */
  static boolean awaitNextPoll(KafkaStreams streams, Map<String, Double> before, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Map<String, Double> now = polls(streams);
      boolean allPolled =
          before.entrySet().stream()
              .allMatch(b -> !now.containsKey(b.getKey()) || now.get(b.getKey()) > b.getValue());
      if (allPolled) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(CHECK_EVERY_MS); // checking a condition no callback reports
    }
  }
}
