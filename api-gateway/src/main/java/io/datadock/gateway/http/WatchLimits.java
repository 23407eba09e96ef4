package io.datadock.gateway.http;

/**
 * How far a watch client may fall behind, and how idle streams are kept open.
 *
 * @param maxBehindBytes bytes written to a client but not yet taken by it before it is dropped
 * @param maxWaitingEvents changes handed to a client's stream but not yet written (its event loop
 *     busy) before it is dropped: a gateway catching up on its view hands every watcher hundreds of
 *     thousands of changes faster than one event loop writes them
 * @param heartbeatMs how often an idle stream gets a comment line
 */
record WatchLimits(int maxBehindBytes, int maxWaitingEvents, long heartbeatMs) {

  static WatchLimits defaults() {
    return new WatchLimits(1 << 20, 10_000, 15_000);
  }
}
