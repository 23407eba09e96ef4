package io.datadock.depot.topology;

import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.streams.StoreDigest;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The depot-service topology. One input, {@code depot.commands}: each depot's ordered log of the
 * gateway's commands, secret-service's reference replies and the validator's check results, decided
 * against one {@code depots} store. The live run, a transaction redone after an abort and a replay
 * all read that log in the same order, so they decide the same. Outputs: reference requests (keyed
 * by secret), connection checks, {@code depot.events}, {@code resource.state} and {@code
 * command.results}. Pure: building it does no I/O.
 *
 * <p>Replies and results written before they moved to {@code depot.commands} are on their legacy
 * topics, still read (same processor, same store) so that a replay of older history and an upgrade
 * with records in flight lose nothing; nothing writes those topics any more.
 */
public final class DepotTopology {

  public static final String DEPOTS_STORE = "depots";

  /**
   * The highest resourceVersion given in each partition. A command's version is its offset + 1, but
   * a reply or check result bumps the depot's own version, which can run ahead of the offsets:
   * without the clock a depot re-created right after its delete could get the version of its own
   * tombstone.
   */
  static final String VERSION_CLOCK_STORE = "depot-version-clock";

  static final String INPUTS = "depot-inputs";
  static final String LEGACY_REPLIES = "legacy-secret-reference-replies";
  static final String LEGACY_RESULTS = "legacy-depot-validation-results";
  static final String PROCESSOR = "depot-decisions";
  static final String REQUESTS_SINK = "secret-reference-requests";
  static final String VALIDATION_SINK = "depot-validation-requests";
  static final String EVENTS_SINK = "depot-events";
  static final String STATE_SINK = "resource-state";
  static final String RESULTS_SINK = "command-results";

  private DepotTopology() {}

  /** The digest of one task's {@code depots} store, as the service's digest counts it. */
  static StateDigest digestOf(KeyValueStore<String, DepotState> store) {
    return StoreDigest.of(store, DEPOTS_STORE, Topics.avro(DepotState.class).serializer());
  }

  public static Topology build(String topicPrefix) {
    return build(topicPrefix, new ReplayBoundary());
  }

  /**
   * @param boundary records below it were processed before a replay: they rebuild the store but
   *     forward nothing
   */
  public static Topology build(String topicPrefix, ReplayBoundary boundary) {
    StoreBuilder<KeyValueStore<String, DepotState>> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DEPOTS_STORE),
            Serdes.String(),
            Topics.avro(DepotState.class));
    Topology topology = new Topology();
    source(topology, INPUTS, Topics.DEPOT_COMMANDS, topicPrefix);
    source(topology, LEGACY_REPLIES, Topics.LEGACY_SECRET_REFERENCE_REPLIES, topicPrefix);
    source(topology, LEGACY_RESULTS, Topics.LEGACY_DEPOT_VALIDATION_RESULTS, topicPrefix);
    DepotInputs inputs = new DepotInputs();
    topology.addProcessor(
        PROCESSOR,
        () -> new DecidingProcessor<SpecificRecord>(inputs, DepotInputs::depotKey, boundary),
        INPUTS,
        LEGACY_REPLIES,
        LEGACY_RESULTS);
    topology.addStateStore(store, PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(VERSION_CLOCK_STORE), Serdes.String(), Serdes.Long()),
        PROCESSOR);
    sink(topology, REQUESTS_SINK, Topics.SECRET_REFERENCE_REQUESTS, topicPrefix);
    sink(topology, VALIDATION_SINK, Topics.DEPOT_VALIDATION_REQUESTS, topicPrefix);
    sink(topology, EVENTS_SINK, Topics.DEPOT_EVENTS, topicPrefix);
    sink(topology, STATE_SINK, Topics.RESOURCE_STATE, topicPrefix);
    sink(topology, RESULTS_SINK, Topics.COMMAND_RESULTS, topicPrefix);
    return topology;
  }

  private static <V> void source(Topology topology, String name, Topic<String, V> topic, String p) {
    topology.addSource(
        name, topic.keySerde().deserializer(), topic.valueSerde().deserializer(), topic.name(p));
  }

  private static <V> void sink(Topology topology, String name, Topic<String, V> topic, String p) {
    topology.addSink(
        name,
        topic.name(p),
        topic.keySerde().serializer(),
        topic.valueSerde().serializer(),
        PROCESSOR);
  }
}
