package io.datadock.secret.topology;

import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.streams.StoreDigest;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.lifecycle.PayloadOpener;
import io.datadock.secret.lifecycle.SecretDecider;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The secret-service topology. One ordered input per secret, {@code secret.commands}: its commands
 * and the reference requests copied there, decided against the {@code secrets} store in the log's
 * order → {@code secret.events}, {@code resource.state}, {@code command.results}, and replies on
 * {@code depot.commands} (each depot's one ordered input, where command decisions also notify
 * dependent depots). depot-service's requests arrive on {@code secret.reference.requests}
 * (co-partitioned) and are appended to {@code secret.commands} by {@link RequestSequencer}; an
 * older depot-service's unmarked ones are decided straight from there. Pure: building it does no
 * I/O, so tests build the very same topology into a TopologyTestDriver.
 */
public final class SecretTopology {

  public static final String SECRETS_STORE = "secrets";

  static final String SOURCE = "secret-commands";
  static final String INPUTS = "secret-inputs";
  static final String PROCESSOR = "secret-lifecycle";
  static final String EVENTS_SINK = "secret-events";
  static final String STATE_SINK = "resource-state";
  static final String RESULTS_SINK = "command-results";
  static final String REFERENCE_SOURCE = "secret-reference-requests";
  static final String SEQUENCER = "secret-reference-sequencer";
  static final String COMMANDS_SINK = "secret-commands-sequenced";
  static final String REFERENCE_PROCESSOR = "secret-references";
  static final String REPLIES_SINK = "secret-reference-replies";
  public static final String GRANTS_STORE = "reference-grants";
  static final String GRANTS_SOURCE = "identity-grants";
  static final String GRANTS_PROCESSOR = "reference-grants-updater";

  private SecretTopology() {}

  public static Topology build(String topicPrefix, PayloadOpener opener) {
    return build(topicPrefix, opener, opener, new ReplayBoundary());
  }

  /**
   * @param replayOpener opens payloads of commands below the boundary, also with keys retired
   *     since: they are decided again exactly as they were
   * @param boundary records below it were processed before a replay: they rebuild the store but
   *     forward nothing
   */
  public static Topology build(
      String topicPrefix,
      PayloadOpener opener,
      PayloadOpener replayOpener,
      ReplayBoundary boundary) {
    StoreBuilder<KeyValueStore<String, SecretState>> store =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SECRETS_STORE),
            Serdes.String(),
            Topics.avro(SecretState.class));

    Topology topology = new Topology();
    Topic<String, SpecificRecord> commands = Topics.SECRET_COMMANDS;
    topology.addSource(
        SOURCE,
        commands.keySerde().deserializer(),
        commands.valueSerde().deserializer(),
        commands.name(topicPrefix));
    topology.addProcessor(INPUTS, SecretInputs::new, SOURCE);
    topology.addProcessor(
        PROCESSOR,
        () ->
            new SecretCommandProcessor(
                new SecretDecider(opener), new SecretDecider(replayOpener), boundary),
        INPUTS);
    Topic<String, ReferenceRequest> requests = Topics.SECRET_REFERENCE_REQUESTS;
    topology.addSource(
        REFERENCE_SOURCE,
        requests.keySerde().deserializer(),
        requests.valueSerde().deserializer(),
        requests.name(topicPrefix));
    topology.addProcessor(SEQUENCER, () -> new RequestSequencer(boundary), REFERENCE_SOURCE);
    sink(topology, COMMANDS_SINK, commands, topicPrefix, SEQUENCER);
    topology.addProcessor(
        REFERENCE_PROCESSOR, () -> new ReferenceRequestProcessor(boundary), INPUTS, SEQUENCER);
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(GRANTS_STORE),
                Serdes.String(),
                Topics.avro(ReferenceGrant.class))
            .withLoggingDisabled(),
        GRANTS_SOURCE,
        Topics.IDENTITY_GRANTS.keySerde().deserializer(),
        Topics.IDENTITY_GRANTS.valueSerde().deserializer(),
        Topics.IDENTITY_GRANTS.name(topicPrefix),
        GRANTS_PROCESSOR,
        GrantsUpdater::new);
    topology.addStateStore(store, PROCESSOR, REFERENCE_PROCESSOR);
    sink(topology, EVENTS_SINK, Topics.SECRET_EVENTS, topicPrefix, PROCESSOR);
    sink(topology, STATE_SINK, Topics.RESOURCE_STATE, topicPrefix, PROCESSOR);
    sink(topology, RESULTS_SINK, Topics.COMMAND_RESULTS, topicPrefix, PROCESSOR);
    sink(
        topology, REPLIES_SINK, Topics.DEPOT_COMMANDS, topicPrefix, PROCESSOR, REFERENCE_PROCESSOR);
    return topology;
  }

  /**
   * This task's share of the {@code secrets} store as the service's digest counts it: what a replay
   * records when a partition first goes past its boundary ({@link
   * ReplayBoundary#beforeProcessing}), exact here since each secret has one ordered input.
   */
  static StateDigest digestOf(KeyValueStore<String, SecretState> store) {
    return StoreDigest.of(store, SECRETS_STORE, Topics.avro(SecretState.class).serializer());
  }

  /**
   * One millisecond later than their cause. depot-service orders its inputs by their log, not by
   * time, so this only keeps a reply's time after its request's, as it was before replies moved to
   * the depot's log.
   */
  static long replyTimestamp(org.apache.kafka.streams.processor.api.Record<?, ?> cause) {
    return cause.timestamp() + 1;
  }

  private static <V> void sink(
      Topology topology, String name, Topic<String, V> topic, String prefix, String... parents) {
    topology.addSink(
        name,
        topic.name(prefix),
        topic.keySerde().serializer(),
        topic.valueSerde().serializer(),
        parents);
  }
}
