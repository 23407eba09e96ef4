package io.datadock.catalog.trigger;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Pausing a poll loop from another thread: a replay asks ({@link #pause}), the loop pauses its
 * consumer on its next turn ({@link #next} says so) and completes the request with what it held
 * then; {@link #resume} undoes it on the turn after.
 */
public final class PauseSwitch {

  /** What the loop does on this turn. */
  public enum Change {
    PAUSE,
    RESUME,
    NONE
  }

  private boolean requested;
  private boolean paused;
  private CompletableFuture<Set<Integer>> pausedWith = new CompletableFuture<>();

  /** Completes, with what the loop held, once it has paused. */
  public synchronized CompletableFuture<Set<Integer>> pause() {
    requested = true;
    return pausedWith;
  }

  public synchronized void resume() {
    requested = false;
    if (pausedWith.isDone()) {
      pausedWith = new CompletableFuture<>();
    }
  }

  /**
   * The loop's turn: whether to pause or resume its consumer now. A pause request is answered on
   * this turn; the loop pauses before it polls again.
   *
   * @param held what the loop holds, reported to the pause request
   */
  public synchronized Change next(Supplier<Set<Integer>> held) {
    if (requested) {
      if (!pausedWith.isDone()) {
        pausedWith.complete(held.get());
      }
      if (!paused) {
        paused = true;
        return Change.PAUSE;
      }
      return Change.NONE;
    }
    if (paused) {
      paused = false;
      return Change.RESUME;
    }
    return Change.NONE;
  }

  /** Whether the loop's consumer is paused (partitions assigned now must be paused too). */
  public synchronized boolean paused() {
    return paused;
  }
}
