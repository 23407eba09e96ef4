package io.datadock.faults.history;

import java.util.List;
import java.util.Map;

/**
 * What the system holds at the end: each resource's version as the API lists it, every committed
 * change event, and the state digest before and after a full replay.
 */
public record FinalState(
    Map<String, Long> resources, List<Event> events, String digest, String replayedDigest) {}
