package io.datadock.gateway.watch;

import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.resource.ResourceState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * Fans the read view's changes out to watchers. Every change gets a position (this gateway's own
 * sequence); the changes of the last {@link #RETENTION}, at most {@link #RETAINED} of them, are
 * kept so a watcher can resume from a position. A position that is no longer retained (or from
 * another gateway process) cannot be resumed: the watcher gets a reset and a fresh snapshot, as a
 * Kubernetes client re-lists after a 410.
 *
 * <p>Bounded by time as well as by count, as the Kubernetes watch cache is: a count alone fills for
 * as long as the rate is low (at 10 changes/s, 10,000 changes take 17 minutes), so the heap grows
 * for that long; a window keeps it flat after its length at any steady rate, and covers the
 * reconnects resuming is for.
 */
public final class WatchHub {

  public static final int RETAINED = 10_000;
  public static final Duration RETENTION = Duration.ofSeconds(90);

  /** One change as watchers see it. */
  public record Event(long position, String type, ResourceState state) {}

  /** A watcher: its filter, and where its events go (must not block). */
  public interface Watcher {
    Predicate<ResourceState> filter();

    void deliver(Event event);
  }

  private record Retained(Event event, long atMillis) {}

  private final Deque<Retained> retained = new ArrayDeque<>();
  private final Set<Watcher> watchers = new CopyOnWriteArraySet<>();
  private final Clock clock;
  private final long retentionMillis;
  private long position;

  public WatchHub(ResourceView view) {
    this(view, Clock.systemUTC(), RETENTION);
  }

  /** A hub keeping the changes of the last {@code retention} by {@code clock}. */
  public WatchHub(ResourceView view, Clock clock, Duration retention) {
    this.clock = clock;
    this.retentionMillis = retention.toMillis();
    view.onChange(this::publish);
  }

  private void publish(ResourceView.Change change) {
    String type =
        change.after() == null ? "deleted" : change.before() == null ? "added" : "modified";
    ResourceState state = change.after() != null ? change.after() : change.before();
    // Delivery happens under the same lock as subscribing, so a new watcher gets each event
    // exactly once: either in what it missed or live (deliver only hands the event over).
    synchronized (this) {
      Event event = new Event(++position, type, state);
      long now = clock.millis();
      retained.addLast(new Retained(event, now));
      while (retained.size() > RETAINED
          || retained.peekFirst().atMillis() < now - retentionMillis) {
        retained.removeFirst();
      }
      for (Watcher w : watchers) {
        if (w.filter().test(state)) {
          w.deliver(event);
        }
      }
    }
  }

  /**
   * Registers a watcher and returns what it missed since {@code since}, atomically with the
   * registration (nothing is lost or repeated between the two).
   *
   * @return the retained events after {@code since} that pass the filter, or null when {@code
   *     since} is no longer retained (the watcher must start from a snapshot)
   */
  public synchronized List<Event> subscribe(Watcher watcher, long since) {
    watchers.add(watcher);
    if (since < 0) {
      return List.of();
    }
    long oldest = retained.isEmpty() ? position + 1 : retained.peekFirst().event().position();
    if (since > position || since < oldest - 1) {
      return null;
    }
    List<Event> missed = new ArrayList<>();
    for (Retained r : retained) {
      Event e = r.event();
      if (e.position() > since && watcher.filter().test(e.state())) {
        missed.add(e);
      }
    }
    return missed;
  }

  /** The current position: a watcher starting from a snapshot resumes after it. */
  public synchronized long position() {
    return position;
  }

  public void unsubscribe(Watcher watcher) {
    watchers.remove(watcher);
  }

  /** How many watchers are subscribed. */
  public int watcherCount() {
    return watchers.size();
  }
}
