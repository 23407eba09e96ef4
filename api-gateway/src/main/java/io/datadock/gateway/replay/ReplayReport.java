package io.datadock.gateway.replay;

import io.datadock.runtime.replay.StateDigest;
import java.util.List;

/**
 * How a replay went.
 *
 * @param instances the instances that stopped, rebuilt and answered
 * @param before the service's digest when it stopped
 * @param after the service's digest once it had reprocessed everything it had processed before
 */
public record ReplayReport(
    String replayId,
    String service,
    List<String> instances,
    StateDigest before,
    StateDigest after,
    long tookMs) {

  public boolean equal() {
    return before.equals(after);
  }
}
