package io.datadock.runtime.replay;

import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import io.datadock.schemas.control.StateShare;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of {@code replay.control} as the replay protocols read it: the coordinator's steps (no
 * instance) and the instances' answers, with the digests decoded.
 *
 * @param instance the answering instance, null for the coordinator's own steps
 * @param shares STOPPED, DIGEST: by partition, the digest of the state the instance holds for it
 * @param boundary RESET: the committed offsets before the reset (see {@link ReplayBoundary})
 * @param message FAILED: why
 */
public record ControlMessage(
    String replayId,
    ReplayPhase phase,
    String instance,
    Map<Integer, StateDigest> shares,
    Map<String, Long> boundary,
    String message) {

  public ControlMessage {
    shares = Map.copyOf(shares);
    boundary = Map.copyOf(boundary);
  }

  /** A coordinator's step. */
  public static ControlMessage step(
      String replayId, ReplayPhase phase, Map<String, Long> boundary, String message) {
    return new ControlMessage(replayId, phase, null, Map.of(), boundary, message);
  }

  /** An instance's answer. */
  public static ControlMessage answer(
      String replayId,
      ReplayPhase phase,
      String instance,
      Map<Integer, StateDigest> shares,
      String message) {
    return new ControlMessage(replayId, phase, instance, shares, Map.of(), message);
  }

  public static ControlMessage from(ReplayControl record) {
    Map<Integer, StateDigest> shares = new TreeMap<>();
    record
        .getShares()
        .forEach(
            (p, s) ->
                shares.put(Integer.valueOf(p), new StateDigest(s.getEntries(), s.getSha256())));
    return new ControlMessage(
        record.getReplayId(),
        record.getPhase(),
        record.getInstance(),
        shares,
        record.getBoundary(),
        record.getMessage());
  }

  /**
   * The record for {@code service}'s key on {@code replay.control}, written at {@code atMillis}.
   */
  public ReplayControl toRecord(String service, long atMillis) {
    Map<String, StateShare> encoded = new TreeMap<>();
    shares.forEach(
        (partition, d) ->
            encoded.put(String.valueOf(partition), new StateShare(d.entries(), d.sha256())));
    return ReplayControl.newBuilder()
        .setReplayId(replayId)
        .setService(service)
        .setPhase(phase)
        .setInstance(instance)
        .setShares(encoded)
        .setBoundary(boundary)
        .setMessage(message)
        .setAt(atMillis)
        .build();
  }
}
