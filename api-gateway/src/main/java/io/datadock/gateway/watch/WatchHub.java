package io.datadock.gateway.watch;

import io.datadock.gateway.view.ResourceView;
import io.datadock.schemas.resource.ResourceState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * Fans the read view's changes out to watchers. Every change gets a position (this gateway's own
 * sequence); the last {@link #RETAINED} are kept so a watcher can resume from a position. A
 * position that is no longer retained (or from another gateway process) cannot be resumed: the
 * watcher gets a reset and a fresh snapshot, as a Kubernetes client re-lists after a 410.
 */
public final class WatchHub {

  public static final int RETAINED = 10_000;

  /** One change as watchers see it. */
  public record Event(long position, String type, ResourceState state) {}

  /** A watcher: its filter, and where its events go (must not block). */
  public interface Watcher {
    Predicate<ResourceState> filter();

    void deliver(Event event);
  }

  private final Deque<Event> retained = new ArrayDeque<>();
  private final Set<Watcher> watchers = new CopyOnWriteArraySet<>();
  private long position;

  public WatchHub(ResourceView view) {
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
      retained.addLast(event);
      if (retained.size() > RETAINED) {
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
    if (since > position || (!retained.isEmpty() && since < retained.peekFirst().position() - 1)) {
      return null;
    }
    List<Event> missed = new ArrayList<>();
    for (Event e : retained) {
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
