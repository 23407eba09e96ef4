package io.datadock.secret.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.Sealer;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.schemas.ResourceVersionHeader;
import io.datadock.schemas.Topics;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretEventType;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.lifecycle.SecretDecider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTopologyTest {

  private static final String PREFIX = "t.";
  private static final String KEY = "engineering/secret/snowflake-cred";

  @TempDir Path tmp;
  private KeyRing keyRing;
  private final Sealer sealer = new Sealer();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SpecificRecord> commands;
  private TestOutputTopic<String, SecretEvent> events;
  private TestOutputTopic<String, ResourceState> states;
  private TestOutputTopic<String, CommandResult> results;

  @BeforeEach
  void start() {
    keyRing = KeyRing.loadOrCreate(tmp.resolve("keys"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "secret-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
    driver = new TopologyTestDriver(SecretTopology.build(PREFIX, keyRing::open), props);
    commands =
        driver.createInputTopic(
            Topics.SECRET_COMMANDS.name(PREFIX),
            Topics.SECRET_COMMANDS.keySerde().serializer(),
            Topics.SECRET_COMMANDS.valueSerde().serializer());
    events = output(Topics.SECRET_EVENTS);
    states = output(Topics.RESOURCE_STATE);
    results = output(Topics.COMMAND_RESULTS);
  }

  private <V> TestOutputTopic<String, V> output(io.datadock.schemas.Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(PREFIX), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void applyingANewSecretCreatesItWithVersionAndEvent() {
    SecretCommand apply = apply(KEY, Map.of("username", "u", "password", "p1"), null);
    commands.pipeInput(KEY, apply);

    CommandResult result = results.readValue();
    assertThat(result.getCommandId()).isEqualTo(apply.getCommandId());
    assertThat(result.getOutcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.getGeneration()).isEqualTo(1);
    SecretEvent event = events.readValue();
    assertThat(event.getType()).isEqualTo(SecretEventType.SECRET_CREATED);
    assertThat(event.getDataKeys()).containsExactly("password", "username");
    ResourceState state = states.readValue();
    assertThat(state.getStatus()).isEqualTo("active");
    assertThat(state.getResourceVersion()).isEqualTo(result.getResourceVersion());
    assertThat(state.getSpec()).contains("\"password\":\"***\"").doesNotContain("p1");
  }

  @Test
  void applyingTheSameDataAgainIsUnchangedAndEmitsNothing() {
    commands.pipeInput(KEY, apply(KEY, Map.of("username", "u", "password", "p1"), null));
    CommandResult created = results.readValue();
    events.readValuesToList();
    states.readValuesToList();

    // Sealed bytes differ on every apply (fresh HPKE encapsulation): the same data must still be
    // recognised as the same spec.
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1", "username", "u"), null));

    CommandResult again = results.readValue();
    assertThat(again.getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.getResourceVersion()).isEqualTo(created.getResourceVersion());
    assertThat(again.getGeneration()).isEqualTo(1);
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
  }

  @Test
  void changedDataUpdatesAndBumpsVersionAndGeneration() {
    commands.pipeInput(KEY, apply(KEY, Map.of("username", "u", "password", "p1"), null));
    CommandResult created = results.readValue();
    events.readValuesToList();

    commands.pipeInput(KEY, apply(KEY, Map.of("username", "u", "password", "p2"), null));

    CommandResult updated = results.readValue();
    assertThat(updated.getOutcome()).isEqualTo(Outcome.UPDATED);
    assertThat(updated.getResourceVersion()).isGreaterThan(created.getResourceVersion());
    assertThat(updated.getGeneration()).isEqualTo(2);
    assertThat(events.readValue().getType()).isEqualTo(SecretEventType.SECRET_UPDATED);
    KeyValueStore<String, SecretState> store =
        driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
    SecretState stored = store.get(KEY);
    assertThat(stored.getGeneration()).isEqualTo(2);
    assertThat(stored.getCreatedAt()).isLessThanOrEqualTo(stored.getUpdatedAt());
  }

  @Test
  void staleResourceVersionIsAConflictAndChangesNothing() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    long current = results.readValue().getResourceVersion();
    events.readValuesToList();

    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p2"), current + 100));

    CommandResult conflict = results.readValue();
    assertThat(conflict.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(conflict.getErrorCode()).isEqualTo("conflict");
    assertThat(conflict.getField()).isEqualTo("resourceVersion");
    assertThat(events.isEmpty()).isTrue();

    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p2"), current));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.UPDATED);
  }

  @Test
  void deleteRemovesTheSecretAndTombstonesItsStateWithTheVersion() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    results.readValue();
    events.readValuesToList();
    states.readValuesToList();

    commands.pipeInput(KEY, delete(KEY));

    CommandResult deleted = results.readValue();
    assertThat(deleted.getOutcome()).isEqualTo(Outcome.DELETED);
    assertThat(events.readValue().getType()).isEqualTo(SecretEventType.SECRET_DELETED);
    TestRecord<String, ResourceState> tombstone = states.readRecord();
    assertThat(tombstone.value()).isNull();
    assertThat(ResourceVersionHeader.read(tombstone.headers()))
        .isEqualTo(deleted.getResourceVersion());
    KeyValueStore<String, SecretState> store =
        driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
    assertThat(store.get(KEY)).isNull();
  }

  // The gateway checks ownership from its read view, which may not hold the secret yet (just
  // created, or the gateway is catching up after a start): the service checks again from its store.

  @Test
  void anotherUsersSecretIsNeitherChangedNorDeletedByAUserWhoMayNotWriteOthers() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    CommandResult created = results.readValue();
    events.readValuesToList();
    states.readValuesToList();

    SecretCommand takeover =
        SecretCommand.newBuilder(apply(KEY, Map.of("password", "mine"), null))
            .setIssuedBy("mallory")
            .setMayWriteOthers(false)
            .build();
    SecretCommand removal =
        SecretCommand.newBuilder(delete(KEY))
            .setIssuedBy("mallory")
            .setMayWriteOthers(false)
            .build();
    for (SecretCommand refused : List.of(takeover, removal)) {
      commands.pipeInput(KEY, refused);
      CommandResult result = results.readValue();
      assertThat(result.getOutcome()).isEqualTo(Outcome.REJECTED);
      assertThat(result.getErrorCode()).isEqualTo("forbidden");
      assertThat(result.getMessage())
          .isEqualTo("forbidden: secret 'snowflake-cred' is owned by 'alice'");
    }
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
    SecretState stored =
        driver.<String, SecretState>getKeyValueStore(SecretTopology.SECRETS_STORE).get(KEY);
    assertThat(stored.getResourceVersion()).isEqualTo(created.getResourceVersion());
    assertThat(stored.getSpec().getOwner()).isEqualTo("alice");

    commands.pipeInput(
        KEY,
        SecretCommand.newBuilder(apply(KEY, Map.of("password", "p2"), null))
            .setIssuedBy("admin")
            .setMayWriteOthers(true)
            .build());
    assertThat(results.readValue().getOutcome())
        .as("an operator or tenant admin may")
        .isEqualTo(Outcome.UPDATED);
    commands.pipeInput(KEY, SecretCommand.newBuilder(delete(KEY)).setMayWriteOthers(false).build());
    assertThat(results.readValue().getOutcome())
        .as("and so may the owner")
        .isEqualTo(Outcome.DELETED);
  }

  @Test
  void aCommandFromBeforeTheServicesCheckedOwnershipIsDecidedAsBefore() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    results.readValue();

    commands.pipeInput(KEY, SecretCommand.newBuilder(delete(KEY)).setIssuedBy("someone").build());

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
  }

  @Test
  void deletingAMissingSecretIsNotFound() {
    commands.pipeInput(KEY, delete(KEY));

    CommandResult result = results.readValue();
    assertThat(result.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.getErrorCode()).isEqualTo("not_found");
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
  }

  @Test
  void deletingASecretWithDependentsIsRefusedWithTheKnownMessage() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    results.readValue();
    KeyValueStore<String, SecretState> store =
        driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
    SecretState state = store.get(KEY);
    state.setDependents(new ArrayList<>(List.of("depot:v2alpha:snowflake-sales")));
    store.put(KEY, state);

    commands.pipeInput(KEY, delete(KEY));

    CommandResult refused = results.readValue();
    assertThat(refused.getErrorCode()).isEqualTo("dependency");
    assertThat(refused.getMessage())
        .isEqualTo("cannot delete resource, it is a dependency of 'depot:v2alpha:snowflake-sales'");
    assertThat(store.get(KEY)).isNotNull();
  }

  @Test
  void dataSealedForAnotherResourceIsRejected() {
    SecretCommand forOther = apply("engineering/secret/other", Map.of("password", "p1"), null);
    SecretCommand replayed = SecretCommand.newBuilder(forOther).setResourceKey(KEY).build();

    commands.pipeInput(KEY, replayed);

    CommandResult result = results.readValue();
    assertThat(result.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.getErrorCode()).isEqualTo("invalid");
    assertThat(result.getField()).isEqualTo("secret.data");
  }

  @Test
  void aResealReplacesThePayloadWithoutAVersionOrEventAndAStaleOneIsAConflict() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    CommandResult created = results.readValue();
    events.readValuesToList();
    states.readValuesToList();
    var newKey = keyRing.addKey();
    SecretCommand fresh = apply(KEY, Map.of("password", "p1"), null);
    SecretSpec resealed =
        SecretSpec.newBuilder(fresh.getSpec())
            .setSealed(
                sealer.seal(
                    newKey,
                    SecretPayloads.encode(Map.of("password", "p1"), Map.of()),
                    SecretDecider.associatedData(KEY)))
            .build();
    SecretCommand reseal =
        SecretCommand.newBuilder(fresh)
            .setAction(SecretAction.RESEAL)
            .setSpec(resealed)
            .setExpectedResourceVersion(created.getResourceVersion())
            .build();

    commands.pipeInput(KEY, reseal);

    CommandResult result = results.readValue();
    assertThat(result.getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(result.getStatus()).isEqualTo("resealed");
    assertThat(result.getResourceVersion()).isEqualTo(created.getResourceVersion());
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
    KeyValueStore<String, SecretState> store =
        driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
    assertThat(store.get(KEY).getSpec().getSealed().getKeyId()).isEqualTo(newKey.keyId());

    commands.pipeInput(
        KEY,
        SecretCommand.newBuilder(reseal)
            .setExpectedResourceVersion(created.getResourceVersion() - 1)
            .build());
    assertThat(results.readValue().getErrorCode()).isEqualTo("conflict");
  }

  @Test
  void everyCommandGetsExactlyOneResult() {
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p2"), null));
    commands.pipeInput(KEY, delete(KEY));
    commands.pipeInput(KEY, delete(KEY));

    assertThat(results.readValuesToList())
        .extracting(CommandResult::getOutcome)
        .containsExactly(
            Outcome.CREATED, Outcome.UNCHANGED, Outcome.UPDATED, Outcome.DELETED, Outcome.REJECTED);
  }

  @Test
  void aRebuildKeepsEachPartitionsStateAtTheBoundaryWhenItGoesPastIt() {
    driver.close();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "secret-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("replay-digest").toString());
    ReplayBoundary boundary = new ReplayBoundary();
    boundary.set(Map.of(ReplayBoundary.key(Topics.SECRET_COMMANDS.name(PREFIX), 0), 1L));
    driver =
        new TopologyTestDriver(
            SecretTopology.build(PREFIX, keyRing::open, keyRing::open, boundary), props);
    commands =
        driver.createInputTopic(
            Topics.SECRET_COMMANDS.name(PREFIX),
            Topics.SECRET_COMMANDS.keySerde().serializer(),
            Topics.SECRET_COMMANDS.valueSerde().serializer());
    KeyValueStore<String, SecretState> store =
        driver.getKeyValueStore(SecretTopology.SECRETS_STORE);

    commands.pipeInput(KEY, apply(KEY, Map.of("password", "p1"), null));
    StateDigest rebuilt = SecretTopology.digestOf(store);
    assertThat(rebuilt.entries()).isEqualTo(1);
    assertThat(boundary.statesAtBoundary()).as("not past the boundary yet").isEmpty();

    // offset 1 is past the boundary: a client's write while the replay runs
    commands.pipeInput(KEY, delete(KEY));

    assertThat(SecretTopology.digestOf(store).entries()).isZero();
    assertThat(boundary.statesAtBoundary()).isEqualTo(Map.of(0, rebuilt));
  }

  private SecretCommand apply(String key, Map<String, String> data, Long expectedVersion) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    byte[] plaintext = SecretPayloads.encode(data, Map.of());
    SecretSpec spec =
        SecretSpec.newBuilder()
            .setName(name)
            .setManifestVersion("v2alpha")
            .setKind("secret")
            .setSecretType("key-value")
            .setTenant("engineering")
            .setOwner("alice")
            .setDataKeys(new ArrayList<>(new java.util.TreeSet<>(data.keySet())))
            .setFileKeys(new ArrayList<>())
            .setSealed(sealer.seal(keyRing.newest(), plaintext, SecretDecider.associatedData(key)))
            .build();
    return SecretCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(key)
        .setAction(SecretAction.APPLY)
        .setIssuedBy("alice")
        .setIssuedAt(1_700_000_000_000L)
        .setSpec(spec)
        .setExpectedResourceVersion(expectedVersion)
        .build();
  }

  private static SecretCommand delete(String key) {
    return SecretCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(key)
        .setAction(SecretAction.DELETE)
        .setIssuedBy("alice")
        .setIssuedAt(1_700_000_000_000L)
        .build();
  }
}
