package io.datadock.faults.history;

import java.util.List;
import java.util.Map;

/**
 * What the system holds at the end: each resource's version as the API lists it, every committed
 * change event, and each service's state digest before and after a full replay of it (keyed by
 * service: {@code secret}, {@code depot}).
 */
public record FinalState(
    Map<String, Long> resources,
    List<Event> events,
    Map<String, String> digests,
    Map<String, String> replayedDigests) {}
