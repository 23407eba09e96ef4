package io.datadock.gateway.http;

/**
 * How far a watch client may fall behind, and how idle streams are kept open.
 *
 * @param maxBehindBytes bytes written to a client but not yet taken by it before it is dropped
 * @param heartbeatMs how often an idle stream gets a comment line
 */
record WatchLimits(int maxBehindBytes, long heartbeatMs) {

  static WatchLimits defaults() {
    return new WatchLimits(1 << 20, 15_000);
  }
}
