package io.datadock.runtime.streams;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.Replayable;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.replay.StateNotReadableYet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsNotStartedException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's Kafka Streams app, replaceable for a replay: a closed {@link KafkaStreams} cannot
 * start again, so a rebuild runs a new one. Everything that queries the app asks {@link #streams()}
 * each time instead of keeping an instance.
 */
public final class StreamsApp implements Replayable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  /** A thread's loop is short (a poll's records); longer than this, the agent asks again. */
  private static final Duration PROCESSING_STOPS_WITHIN = Duration.ofSeconds(10);

  private final String service;
  private final Function<ReplayBoundary, Topology> topology;
  private final Properties props;
  private final MeterRegistry metrics;
  private final Function<KafkaStreams, Map<Integer, StateDigest>> digest;
  private final ReplayBoundary boundary = new ReplayBoundary();
  private final CompletableFuture<Void> firstRunning = new CompletableFuture<>();
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics streamsMetrics;
  private volatile DeadMemberFencer fencer;

  /**
   * @param topology builds the topology; its processors consult the boundary before forwarding
   * @param digest the digest of each partition this instance holds
   */
  public StreamsApp(
      String service,
      Function<ReplayBoundary, Topology> topology,
      Properties props,
      MeterRegistry metrics,
      Function<KafkaStreams, Map<Integer, StateDigest>> digest) {
    this.service = service;
    this.topology = topology;
    this.props = props;
    this.metrics = metrics;
    this.digest = digest;
  }

  public synchronized void start() {
    run(false);
  }

  /**
   * Aborts the open transactions of any other instance of this app as soon as the group removes it
   * ({@link DeadMemberFencer}), looking at the group as often as its members heartbeat.
   *
   * @param sessionTimeout the app's session ({@code DATADOCK_SESSION_TIMEOUT_MS})
   */
  public synchronized void fenceDeadPeers(KafkaConnection kafka, Duration sessionTimeout) {
    if (fencer == null) {
      fencer =
          DeadMemberFencer.start(
              kafka,
              props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
              Duration.ofMillis(KafkaSettings.heartbeatInterval(sessionTimeout)),
              this::ownConsumers,
              this::peerEndpoints);
    }
  }

  /**
   * A rebalance is often a member's removal: the fencer looks at once rather than at its next look,
   * since the tasks this instance takes over cannot start until the removed member's open
   * transaction is aborted.
   */
  private void rebalancing() {
    DeadMemberFencer f = fencer;
    if (f != null) {
      f.lookNow();
    }
  }

  private Collection<String> ownConsumers() {
    KafkaStreams s = streams;
    return s == null
        ? List.of()
        : s.metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId).toList();
  }

  /**
   * The other instances' endpoints ({@code application.server}) with the partitions each holds, as
   * of this instance's last rebalance; empty when this app names no endpoint.
   */
  private Map<HostInfo, Set<TopicPartition>> peerEndpoints() {
    KafkaStreams s = streams;
    String self = props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
    if (s == null || self == null) {
      return Map.of();
    }
    Map<HostInfo, Set<TopicPartition>> peers = new HashMap<>();
    try {
      for (StreamsMetadata client : s.metadataForAllStreamsClients()) {
        HostInfo endpoint = client.hostInfo();
        if (endpoint.port() > 0 && !(endpoint.host() + ":" + endpoint.port()).equals(self)) {
          peers.put(endpoint, client.topicPartitions());
        }
      }
    } catch (StreamsNotStartedException | IllegalStateException e) {
      return Map.of(); // between two apps of a replay
    }
    return peers;
  }

  /** The app now running; a new one after a replay. */
  public KafkaStreams streams() {
    return streams;
  }

  public Supplier<KafkaStreams> current() {
    return this::streams;
  }

  /** Completes the first time the app is RUNNING. */
  public CompletableFuture<Void> running() {
    return firstRunning;
  }

  public KafkaStreams.State state() {
    KafkaStreams s = streams;
    return s == null ? KafkaStreams.State.CREATED : s.state();
  }

  public boolean isRunning() {
    return state() == KafkaStreams.State.RUNNING;
  }

  private void run(boolean wipeLocalState) {
    KafkaStreams next = new KafkaStreams(topology.apply(boundary), props);
    if (wipeLocalState) {
      next.cleanUp();
    }
    StreamsLifecycle.watch(next, service, this::rebalancing)
        .thenRun(() -> firstRunning.complete(null));
    if (metrics != null) {
      streamsMetrics = new KafkaStreamsMetrics(next);
      streamsMetrics.bindTo(metrics);
    }
    streams = next;
    next.start();
  }

  /**
   * Pauses and reads the state; a state not readable yet (a store still restoring) leaves the app
   * running, because a paused app does not restore its stores: paused until it is readable, it
   * never would be. The caller asks again.
   */
  @Override
  public synchronized Map<Integer, StateDigest> pauseAndDigest() {
    KafkaStreams s = streams;
    if (s.state() != KafkaStreams.State.RUNNING) {
      // not paused: a paused app does not restore, and one not RUNNING has no state to read yet
      throw new StateNotReadableYet(service + " is " + s.state() + ", not RUNNING", null);
    }
    Map<String, Double> polls = PausedThreads.polls(s);
    s.pause();
    try {
      awaitProcessingStopped(s, polls);
      return digest();
    } catch (StateNotReadableYet e) {
      s.resume();
      throw e;
    }
  }

  /** What the threads were processing when paused is in the stores once this returns. */
  private void awaitProcessingStopped(KafkaStreams s, Map<String, Double> polls) {
    try {
      if (!PausedThreads.awaitNextPoll(s, polls, PROCESSING_STOPS_WITHIN)) {
        throw new StateNotReadableYet(
            service + " still processing " + PROCESSING_STOPS_WITHIN + " after its pause", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateNotReadableYet(service + " interrupted while pausing", e);
    }
  }

  @Override
  public synchronized void unpause() {
    streams.resume();
  }

  @Override
  public synchronized void leave() {
    closeCurrent(true);
  }

  @Override
  public synchronized void restart(boolean rebuild, Map<String, Long> committed) {
    if (rebuild) {
      boundary.set(committed);
    }
    LOG.info("{} starting again rebuild={}", service, rebuild);
    run(rebuild);
  }

  /**
   * @throws StateNotReadableYet while the app is not RUNNING (a rebalance in progress: its
   *     partitions are not all known yet) or a store is still being restored
   */
  @Override
  public Map<Integer, StateDigest> digest() {
    KafkaStreams s = streams;
    if (s == null) {
      throw new StateNotReadableYet(service + " has not started", null);
    }
    if (s.state() != KafkaStreams.State.RUNNING) {
      throw new StateNotReadableYet(service + " is " + s.state() + ", not RUNNING", null);
    }
    try {
      return digest.apply(s);
    } catch (InvalidStateStoreException e) {
      throw new StateNotReadableYet(service + " state store not readable yet", e);
    }
  }

  /**
   * The live digest, with each partition that went past the last rebuild's boundary as it was when
   * it reached it (see {@link ReplayBoundary#beforeProcessing}).
   */
  @Override
  public Map<Integer, StateDigest> digestAtBoundary() {
    Map<Integer, StateDigest> digests = new TreeMap<>(digest());
    Map<Integer, StateDigest> atBoundary = boundary.statesAtBoundary();
    digests.replaceAll((partition, live) -> atBoundary.getOrDefault(partition, live));
    return digests;
  }

  /** This instance's share of the service's digest (all its partitions). */
  public StateDigest totalDigest() {
    return StateDigest.total(digest());
  }

  private void closeCurrent(boolean leaveGroup) {
    KafkaStreams s = streams;
    if (s == null) {
      return;
    }
    if (streamsMetrics != null) {
      streamsMetrics.close();
      streamsMetrics = null;
    }
    s.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(leaveGroup));
  }

  @Override
  public synchronized void close() {
    if (fencer != null) {
      fencer.close();
    }
    closeCurrent(false);
  }
}
