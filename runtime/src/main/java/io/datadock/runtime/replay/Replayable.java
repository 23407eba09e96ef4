package io.datadock.runtime.replay;

import java.util.Map;

// Digests are by partition number: see ReplayControl.shares.

/** What an instance of a service does for a replay, driven by its {@link ReplayAgent}. */
public interface Replayable {

  /**
   * Stops processing (still a group member) and returns the digest of each partition it holds.
   * Throws {@link StateNotReadableYet} while the state cannot be read (a rebalance): the agent
   * calls it again.
   */
  Map<Integer, StateDigest> pauseAndDigest();

  /** Processes again as before: the replay was called off after {@link #pauseAndDigest}. */
  void unpause();

  /** Stops for good, leaving the consumer group so that its offsets can be reset. */
  void leave();

  /**
   * Starts again.
   *
   * @param rebuild true after a reset: local state is wiped and rebuilt from the input topics'
   *     beginning; false to resume where it stopped (a replay that was called off)
   * @param boundary the offsets committed before the reset (see {@link ReplayBoundary})
   */
  void restart(boolean rebuild, Map<String, Long> boundary);

  /** The digest of each partition this instance holds; see {@link StateNotReadableYet}. */
  Map<Integer, StateDigest> digest();

  /**
   * After a rebuild, the digest of each partition this instance holds as it was at the replay's
   * boundary, comparable with the digests it had when it stopped, however far it has gone since.
   */
  default Map<Integer, StateDigest> digestAtBoundary() {
    return digest();
  }
}
