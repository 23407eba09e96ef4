package io.datadock.runtime.streams;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Commits soon after a processor sent a record another service reads committed (a saga hop), so
 * that hop waits for this short delay rather than the commit interval. Records sent within one
 * delay share one commit: a requested commit per record cost more than it saved under load (every
 * exactly-once commit blocks the stream thread). A commit changes when outputs become visible,
 * never what they are, so replays and decisions are unaffected.
 */
public final class PromptCommit {

  /** The delay every saga hop waits for at most, beyond the commit itself. */
  public static final Duration DELAY = Duration.ofMillis(10);

  private boolean pending;

  /** Call from the processor's {@code init}. */
  public void init(ProcessorContext<?, ?> context) {
    context.schedule(
        DELAY,
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          if (pending) {
            pending = false;
            context.commit();
          }
        });
  }

  /** A record another service reads committed was sent: commit within {@link #DELAY}. */
  public void sent() {
    pending = true;
  }
}
