package io.datadock.gateway.replay;

import io.datadock.schemas.control.ReplayControl;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which services are being replayed, as the coordinator's steps on {@code replay.control} say,
 * whichever gateway runs the replay. A service being replayed processes no command from its
 * REQUESTED step until it is rebuilt (DIGEST_REQUESTED) or the replay is called off (FAILED):
 * commands sent meanwhile wait on its input topic and are answered after the rebuild.
 *
 * <p>Only steps read since this gateway started count: a replay already running then is not seen.
 */
public final class ReplaysInProgress {

  private record Replay(String replayId, CompletableFuture<Void> ended) {}

  private final Map<String, Replay> running = new ConcurrentHashMap<>();
  private final Map<String, Long> lastEndedAt = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  public ReplaysInProgress(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * A record of {@code replay.control}; instances' answers, other phases and tombstones change
   * nothing.
   */
  public void onStep(ReplayControl step) {
    if (step == null || step.getInstance() != null) {
      return;
    }
    String service = step.getService();
    switch (step.getPhase()) {
      case REQUESTED -> {
        Replay previous =
            running.put(service, new Replay(step.getReplayId(), new CompletableFuture<>()));
        if (previous != null) {
          previous.ended().complete(null); // superseded: its waiters now wait on the new one
        }
      }
      case DIGEST_REQUESTED, FAILED -> {
        Replay current = running.get(service);
        if (current != null
            && current.replayId().equals(step.getReplayId())
            && running.remove(service, current)) {
          lastEndedAt.put(service, nanoTime.getAsLong());
          current.ended().complete(null);
        }
      }
      default -> {}
    }
  }

  public boolean replaying(String service) {
    return running.containsKey(service);
  }

  /**
   * Whether {@code service} was being replayed at any time since {@code sinceNanos} ({@link
   * System#nanoTime()} scale): it is now, or a replay of it ended after that.
   */
  public boolean replayedSince(String service, long sinceNanos) {
    if (running.containsKey(service)) {
      return true;
    }
    Long ended = lastEndedAt.get(service);
    return ended != null && ended - sinceNanos >= 0;
  }

  /** Completes once {@code service} is not being replayed: at once if it is not now. */
  public CompletableFuture<Void> serving(String service) {
    Replay current = running.get(service);
    return current == null
        ? CompletableFuture.completedFuture(null)
        : current.ended().thenCompose(v -> serving(service));
  }
}
