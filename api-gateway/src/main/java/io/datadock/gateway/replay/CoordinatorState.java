package io.datadock.gateway.replay;

import io.datadock.runtime.replay.StateDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where one replay is, as {@link CoordinatorProtocol} sees it: a value, each step returns a new
 * one.
 *
 * @param before by instance, the digests it answered STOPPED with (by partition)
 * @param after by instance, the digests it answered DIGEST with after the rebuild
 * @param boundary the committed offsets recorded before the reset
 * @param internalTopics the internal topics being deleted
 * @param report once {@link Phase#DONE}
 * @param failure once {@link Phase#FAILED}
 */
public record CoordinatorState(
    Phase phase,
    Run run,
    Map<String, Map<Integer, StateDigest>> before,
    Map<String, Map<Integer, StateDigest>> after,
    Map<String, Long> boundary,
    List<String> internalTopics,
    ReplayReport report,
    Failure failure) {

  /** The phases of a replay, in order. */
  public enum Phase {
    /** Counting the group's members: is any instance running? */
    CHECKING(false),
    /** REQUESTED sent: collecting STOPPED answers until the group is empty. */
    STOPPING(true),
    /** The group is empty: reading the answers written before it emptied. */
    DRAINING(true),
    /** Reading the group's committed offsets: the boundary. */
    RECORDING_BOUNDARY(true),
    /** Deleting the group, so that the inputs are read again from their beginning. */
    DELETING_GROUP(true),
    /** Deleting a Streams app's changelog and repartition topics, until they are gone. */
    DELETING_INTERNAL_TOPICS(false),
    /** RESET sent: waiting until the committed offsets are back at the boundary. */
    REBUILDING(false),
    /** DIGEST_REQUESTED sent: collecting DIGEST answers from every instance that stopped. */
    COLLECTING_DIGESTS(false),
    /** A partition had no active owner yet: a moment before asking for digests again. */
    SETTLING(false),
    DONE(false),
    FAILED(false);

    private final boolean groupUntouched;

    Phase(boolean groupUntouched) {
      this.groupUntouched = groupUntouched;
    }

    /**
     * Whether instances have been asked to stop and the group is still as it was: a failure now
     * calls the replay off, and the instances resume as they were.
     */
    public boolean callsOff() {
      return groupUntouched;
    }
  }

  /** What a replay is about, fixed when it starts. */
  public record Run(
      String replayId, String service, boolean streamsApp, Instant started, Instant deadline) {}

  /** Why a replay ended without a report. */
  public record Failure(ReplayException.Reason reason, String message) {}

  public static CoordinatorState start(Run run) {
    return new CoordinatorState(
        Phase.CHECKING, run, Map.of(), Map.of(), Map.of(), List.of(), null, null);
  }

  public boolean finished() {
    return phase == Phase.DONE || phase == Phase.FAILED;
  }

  CoordinatorState to(Phase next) {
    return new CoordinatorState(
        next, run, before, after, boundary, internalTopics, report, failure);
  }

  CoordinatorState withBefore(String instance, Map<Integer, StateDigest> shares) {
    return new CoordinatorState(
        phase,
        run,
        plus(before, instance, shares),
        after,
        boundary,
        internalTopics,
        report,
        failure);
  }

  CoordinatorState withAfter(String instance, Map<Integer, StateDigest> shares) {
    return new CoordinatorState(
        phase,
        run,
        before,
        plus(after, instance, shares),
        boundary,
        internalTopics,
        report,
        failure);
  }

  CoordinatorState withoutAfter() {
    return new CoordinatorState(
        phase, run, before, Map.of(), boundary, internalTopics, report, failure);
  }

  CoordinatorState withBoundary(Map<String, Long> committed) {
    return new CoordinatorState(
        phase, run, before, after, Map.copyOf(committed), internalTopics, report, failure);
  }

  CoordinatorState withInternalTopics(List<String> topics) {
    return new CoordinatorState(
        phase, run, before, after, boundary, List.copyOf(topics), report, failure);
  }

  CoordinatorState done(ReplayReport done) {
    return new CoordinatorState(
        Phase.DONE, run, before, after, boundary, internalTopics, done, null);
  }

  CoordinatorState failed(ReplayException.Reason reason, String message) {
    return new CoordinatorState(
        Phase.FAILED,
        run,
        before,
        after,
        boundary,
        internalTopics,
        null,
        new Failure(reason, message));
  }

  private static Map<String, Map<Integer, StateDigest>> plus(
      Map<String, Map<Integer, StateDigest>> byInstance,
      String instance,
      Map<Integer, StateDigest> shares) {
    Map<String, Map<Integer, StateDigest>> next = new TreeMap<>(byInstance);
    next.put(instance, Map.copyOf(shares));
    return java.util.Collections.unmodifiableMap(next);
  }
}
