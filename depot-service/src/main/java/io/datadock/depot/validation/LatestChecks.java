package io.datadock.depot.validation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The newest check id the validator has read for each depot with a check waiting or running. A
 * check whose depot already has a newer one is superseded: its result would be ignored ({@link
 * CheckResultDecider} applies only the depot's current check id, and a depot's check ids only
 * grow), so it is not run. Under a stream of secret changes a depot's re-checks would otherwise
 * queue one behind the other, each resolving credentials for nothing.
 */
final class LatestChecks {

  private final ConcurrentMap<String, Long> newest = new ConcurrentHashMap<>();

  /** A request was read. */
  void read(String depot, long checkId) {
    newest.merge(depot, checkId, Math::max);
  }

  /** Whether a newer check of the same depot has been read since this one. */
  boolean superseded(String depot, long checkId) {
    Long latest = newest.get(depot);
    return latest != null && latest > checkId;
  }

  /** A check is over (run or skipped); the depot is forgotten once its newest one is. */
  void over(String depot, long checkId) {
    newest.remove(depot, checkId);
  }

  int depots() {
    return newest.size();
  }
}
