package io.datadock.depot.topology;

import io.datadock.depot.lifecycle.DepotDecider;
import io.datadock.depot.saga.ReplyDecider;
import io.datadock.depot.validation.CheckResultDecider;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationResult;
import io.datadock.schemas.reference.ReferenceReply;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The depot-service topology. Three inputs keyed by depot, co-partitioned, decided against one
 * {@code depots} store: {@code depot.commands}, {@code secret.reference.replies} and {@code
 * depot.validation.results}. Outputs: reference requests (keyed by secret), connection checks,
 * {@code depot.events}, {@code resource.state} and {@code command.results}. Pure: building it does
 * no I/O.
 */
public final class DepotTopology {

  public static final String DEPOTS_STORE = "depots";

  /**
   * The highest resourceVersion given in each partition. Versions come from three inputs (a
   * command's offset, a reply or check result bumping the depot's own), so without it a depot
   * re-created right after its delete could get the version of its own tombstone.
   */
  static final String VERSION_CLOCK_STORE = "depot-version-clock";

  static final String COMMANDS = "depot-commands";
  static final String REPLIES = "secret-reference-replies";
  static final String RESULTS = "depot-validation-results";
  static final String COMMAND_PROCESSOR = "depot-lifecycle";
  static final String REPLY_PROCESSOR = "depot-saga";
  static final String RESULT_PROCESSOR = "depot-checks";
  static final String REQUESTS_SINK = "secret-reference-requests";
  static final String VALIDATION_SINK = "depot-validation-requests";
  static final String EVENTS_SINK = "depot-events";
  static final String STATE_SINK = "resource-state";
  static final String RESULTS_SINK = "command-results";

  private static final String[] PROCESSORS = {COMMAND_PROCESSOR, REPLY_PROCESSOR, RESULT_PROCESSOR};

  private DepotTopology() {}

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
    source(topology, COMMANDS, Topics.DEPOT_COMMANDS, topicPrefix);
    source(topology, REPLIES, Topics.SECRET_REFERENCE_REPLIES, topicPrefix);
    source(topology, RESULTS, Topics.DEPOT_VALIDATION_RESULTS, topicPrefix);
    DepotDecider commands = new DepotDecider();
    ReplyDecider replies = new ReplyDecider();
    CheckResultDecider checks = new CheckResultDecider();
    topology.addProcessor(
        COMMAND_PROCESSOR,
        () ->
            new DecidingProcessor<DepotCommand>(
                commands::decide, DepotCommand::getResourceKey, boundary),
        COMMANDS);
    topology.addProcessor(
        REPLY_PROCESSOR,
        () ->
            new DecidingProcessor<ReferenceReply>(
                (current, reply, version) -> replies.decide(current, reply),
                ReferenceReply::getDepotKey,
                boundary),
        REPLIES);
    topology.addProcessor(
        RESULT_PROCESSOR,
        () ->
            new DecidingProcessor<ValidationResult>(
                (current, result, version) -> checks.decide(current, result),
                ValidationResult::getDepotKey,
                boundary),
        RESULTS);
    topology.addStateStore(store, PROCESSORS);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(VERSION_CLOCK_STORE), Serdes.String(), Serdes.Long()),
        PROCESSORS);
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
        PROCESSORS);
  }
}
