package io.datadock.depot.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.depot.saga.Saga;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.streams.StoreDigest;
import io.datadock.schemas.SequencingHeader;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.common.Applier;
import io.datadock.schemas.depot.DepotAction;
import io.datadock.schemas.depot.DepotCheckStep;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.depot.DepotSecretRef;
import io.datadock.schemas.depot.DepotSpec;
import io.datadock.schemas.depot.DepotState;
import io.datadock.schemas.depot.ValidationRequest;
import io.datadock.schemas.depot.ValidationResult;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
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

/** Every branch of the depot lifecycle and the reference saga, on the real topology. */
class DepotTopologyTest {

  private static final String PREFIX = "t.";
  private static final String DEPOT = "engineering/depot/pgdepot";
  private static final String CRED = "engineering/secret/pg-cred";
  private static final String SCAN_CRED = "engineering/secret/pg-scan";
  private static final String R = "engineering/instance-secret/pgdepot-r";
  private static final String RW = "engineering/instance-secret/pgdepot-rw";
  private static final long AT = 1_700_000_000_000L;

  @TempDir Path tmp;
  private TopologyTestDriver driver;
  // one log, three writers: the gateway, secret-service and the validator
  private TestInputTopic<String, SpecificRecord> commands;
  private TestInputTopic<String, SpecificRecord> replies;
  private TestInputTopic<String, SpecificRecord> checks;
  private TestOutputTopic<String, ReferenceRequest> requests;
  private TestOutputTopic<String, ValidationRequest> validations;
  private TestOutputTopic<String, DepotEvent> events;
  private TestOutputTopic<String, ResourceState> states;
  private TestOutputTopic<String, CommandResult> results;

  @BeforeEach
  void start() {
    startDriver(tmp, new ReplayBoundary());
  }

  /**
   * The topology run by a new driver on {@code stateDir} (a rebuild, with {@code boundary} set),
   * and every test topic bound to it.
   */
  private void startDriver(Path stateDir, ReplayBoundary boundary) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "depot-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(DepotTopology.build(PREFIX, boundary), props);
    commands = input(Topics.DEPOT_COMMANDS);
    replies = commands;
    checks = commands;
    requests = output(Topics.SECRET_REFERENCE_REQUESTS);
    validations = output(Topics.DEPOT_VALIDATION_REQUESTS);
    events = output(Topics.DEPOT_EVENTS);
    states = output(Topics.RESOURCE_STATE);
    results = output(Topics.COMMAND_RESULTS);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aDepotIsDecidedInTheOrderOfItsOneInputLogWhateverTheInputsTimestamps() {
    // The history the checker found: a depot re-pointed to another secret before the grant of the
    // first came back. The grant is older than the second apply, so a replay that interleaved
    // separate input topics by timestamp decided it first; the live run had decided it last.
    DepotCommand first = apply(tenantSpec("postgres", ref(CRED, "rw")));
    DepotCommand second = apply(tenantSpec("postgres", ref(SCAN_CRED, "rw")));
    commands.pipeInput(DEPOT, first, AT);
    ReferenceRequest firstReference = requests.readValue();
    commands.pipeInput(DEPOT, second, AT + 10);
    Map<ReferenceAction, ReferenceRequest> secondRequests =
        new java.util.EnumMap<>(ReferenceAction.class);
    requests.readValuesToList().forEach(r -> secondRequests.put(r.getAction(), r));
    List<TestRecord<String, SpecificRecord>> arrived =
        List.of(
            new TestRecord<>(DEPOT, first, null, AT),
            new TestRecord<>(DEPOT, second, null, AT + 10),
            new TestRecord<>(DEPOT, granted(firstReference, "rw"), null, AT + 1),
            new TestRecord<>(
                DEPOT, granted(secondRequests.get(ReferenceAction.REFERENCE), "rw"), null, AT + 11),
            new TestRecord<>(
                DEPOT, released(secondRequests.get(ReferenceAction.RELEASE)), null, AT + 12));

    DepotState live = decide(arrived, "live");
    DepotState replayed = decide(arrived, "replay");
    DepotState otherTimes =
        decide(
            arrived.stream()
                .map(r -> new TestRecord<>(r.key(), r.value(), null, AT + 100 - r.timestamp()))
                .toList(),
            "other-times");
    DepotState byTimestamp =
        decide(
            arrived.stream().sorted(java.util.Comparator.comparing(TestRecord::timestamp)).toList(),
            "by-timestamp");

    assertThat(replayed).isEqualTo(live);
    assertThat(otherTimes).isEqualTo(live);
    assertThat(live.getReferences())
        .extracting(r -> r.getSecretKey() + " " + r.getState())
        .containsExactly(SCAN_CRED + " granted");
    assertThat(byTimestamp)
        .as("the order a replay of separate input topics took decides otherwise")
        .isNotEqualTo(live);
  }

  @Test
  void referenceRequestsAskToBeDecidedInLineWithTheSecretsCommands() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));

    TestRecord<String, ReferenceRequest> request = requests.readRecord();
    assertThat(request.key()).isEqualTo(CRED);
    assertThat(SequencingHeader.onSecretCommands(request.headers()))
        .as("marked for secret-service to decide from its copy on secret.commands")
        .isTrue();
  }

  /** A fresh depot-service (its own store) reading this log from its start. */
  private DepotState decide(List<TestRecord<String, SpecificRecord>> log, String stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "depot-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve(stateDir).toString());
    try (TopologyTestDriver replay = new TopologyTestDriver(DepotTopology.build(PREFIX), props)) {
      Topic<String, SpecificRecord> topic = Topics.DEPOT_COMMANDS;
      replay
          .createInputTopic(
              topic.name(PREFIX), topic.keySerde().serializer(), topic.valueSerde().serializer())
          .pipeRecordList(log);
      KeyValueStore<String, DepotState> store = replay.getKeyValueStore(DepotTopology.DEPOTS_STORE);
      return store.get(DEPOT);
    }
  }

  @Test
  void repliesAndResultsOnTheLegacyTopicsAreStillDecided() {
    // history written before replies moved to depot.commands, replayed after the upgrade
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    input(Topics.LEGACY_SECRET_REFERENCE_REPLIES)
        .pipeInput(DEPOT, granted(requests.readValue(), null));
    input(Topics.LEGACY_DEPOT_VALIDATION_RESULTS)
        .pipeInput(DEPOT, checkResult(validations.readValue(), true, true));

    assertThat(lastState().getStatus()).isEqualTo("active");
  }

  @Test
  void aDepotReCreatedRightAfterItsDeleteGetsAVersionAboveItsTombstones() {
    // replies and check results raise the depot's version past the commands' offsets
    checks.pipeInput(DEPOT, checkResult(grantedDepot(), true, true));
    states.readRecordsToList();
    commands.pipeInput(DEPOT, delete());
    replies.pipeInput(DEPOT, released(requests.readValue()));
    List<TestRecord<String, ResourceState>> deleted = states.readRecordsToList();
    long tombstone = tombstoneVersion(deleted.get(deleted.size() - 1));

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));

    assertThat(lastState().getResourceVersion()).isGreaterThan(tombstone);
  }

  @Test
  void belowTheReplayBoundaryTheStoreIsRebuiltButNothingIsSentAgain() {
    driver.close();
    ReplayBoundary boundary = new ReplayBoundary();
    boundary.set(Map.of(ReplayBoundary.key(Topics.DEPOT_COMMANDS.name(PREFIX), 0), 1L));
    startDriver(tmp.resolve("replay"), boundary);

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    assertThat(requests.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
    assertThat(results.isEmpty()).isTrue();
    KeyValueStore<String, DepotState> store = driver.getKeyValueStore(DepotTopology.DEPOTS_STORE);
    assertThat(store.get(DEPOT).getStatus()).isEqualTo("pending");

    // offset 1 is past the boundary: processed as usual
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.UPDATED);
    assertThat(requests.isEmpty()).isFalse();
  }

  @Test
  void aRebuildKeepsEachPartitionsStateAtTheBoundaryWhenItGoesPastIt() {
    driver.close();
    ReplayBoundary boundary = new ReplayBoundary();
    boundary.set(Map.of(ReplayBoundary.key(Topics.DEPOT_COMMANDS.name(PREFIX), 0), 1L));
    startDriver(tmp.resolve("replay-digest"), boundary);
    KeyValueStore<String, DepotState> store = driver.getKeyValueStore(DepotTopology.DEPOTS_STORE);
    Serializer<DepotState> values = Topics.avro(DepotState.class).serializer();

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    StateDigest rebuilt = StoreDigest.of(store, DepotTopology.DEPOTS_STORE, values);
    assertThat(rebuilt.entries()).isEqualTo(1);
    assertThat(boundary.statesAtBoundary()).as("not past the boundary yet").isEmpty();

    // offset 1 is past the boundary: a client's write while the replay runs
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    commands.pipeInput(DEPOT, delete());

    assertThat(StoreDigest.of(store, DepotTopology.DEPOTS_STORE, values)).isNotEqualTo(rebuilt);
    assertThat(boundary.statesAtBoundary()).isEqualTo(Map.of(0, rebuilt));
  }

  @Test
  void applyingADepotStoresItPendingAndAsksForEachSecretKeyedByTheSecret() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw", "scan"))));

    CommandResult result = results.readValue();
    assertThat(result.getOutcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.getStatus()).isEqualTo("pending");
    TestRecord<String, ReferenceRequest> request = requests.readRecord();
    assertThat(request.key()).isEqualTo(CRED);
    assertThat(request.value().getAction()).isEqualTo(ReferenceAction.REFERENCE);
    assertThat(request.value().getPurposes()).containsExactly("rw", "scan");
    assertThat(request.value().getDepotTenant()).isEqualTo("engineering");
    assertThat(events.readValue().getType()).isEqualTo(DepotEventType.DEPOT_APPLIED);
    assertThat(states.readValue().getStatus()).isEqualTo("pending");
    assertThat(validations.isEmpty()).as("no check before every reference is granted").isTrue();
  }

  @Test
  void whenEveryReferenceIsGrantedTheConnectionIsCheckedWithTheRwSecret() {
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(SCAN_CRED, "scan"), ref(CRED, "rw"))));
    List<ReferenceRequest> asked = requests.readValuesToList();

    replies.pipeInput(DEPOT, granted(asked.get(0), null));
    assertThat(validations.isEmpty()).isTrue();
    replies.pipeInput(DEPOT, granted(asked.get(1), null));

    ValidationRequest check = validations.readValue();
    assertThat(check.getCredentialSecret()).isEqualTo(CRED);
    assertThat(check.getCredentialPurpose()).isEqualTo("rw");
    assertThat(check.getSourceType()).isEqualTo("postgres");
    assertThat(check.getConnection()).contains("\"host\":\"db\"");
    assertThat(lastState().getStatus()).isEqualTo("pending");
  }

  @Test
  void aPassingCheckActivatesTheDepot() {
    ValidationRequest check = grantedDepot();

    checks.pipeInput(DEPOT, checkResult(check, true, true));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("active");
    assertThat(state.getDetails()).contains("\"name\":\"authenticate\"");
    DepotEvent activated = lastEvent();
    assertThat(activated.getType()).isEqualTo(DepotEventType.DEPOT_ACTIVATED);
    assertThat(activated.getVerified()).isTrue();
    assertThat(activated.getConnection()).contains("\"database\":\"orders\"");
    assertThat(activated.getGeneration()).isEqualTo(1);
  }

  @Test
  void aFailingCheckPutsTheDepotInErrorNamingTheStep() {
    ValidationRequest check = grantedDepot();

    checks.pipeInput(DEPOT, checkResult(check, false, true));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("error");
    assertThat(state.getDetails())
        .contains("connection check failed at 'authenticate': authentication failed for user 'u'");
    DepotEvent failed = lastEvent();
    assertThat(failed.getType()).isEqualTo(DepotEventType.DEPOT_FAILED);
  }

  @Test
  void aSourceWithoutALiveCheckIsActiveAndSaysItsConnectionWasNotVerified() {
    commands.pipeInput(DEPOT, apply(tenantSpec("snowflake", ref(CRED, "rw"))));
    replies.pipeInput(DEPOT, granted(requests.readValue(), null));
    ValidationRequest check = validations.readValue();

    checks.pipeInput(DEPOT, checkResult(check, true, false));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("active");
    assertThat(state.getDetails()).contains("connection not verified: no live check for snowflake");
    assertThat(lastEvent().getVerified()).isFalse();
  }

  @Test
  void aDeniedReferencePutsTheDepotInErrorWithTheReasonAndChecksNothing() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    ReferenceRequest asked = requests.readValue();

    replies.pipeInput(DEPOT, denied(asked, "secret 'pg-cred' does not exist"));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("error");
    assertThat(state.getDetails())
        .contains("secret reference denied: secret 'pg-cred' does not exist")
        .contains("\"state\":\"denied\"");
    assertThat(lastEvent().getType()).isEqualTo(DepotEventType.DEPOT_FAILED);
    assertThat(validations.isEmpty()).isTrue();
  }

  @Test
  void aReplyOfAnEarlierRoundIsIgnored() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    ReferenceRequest first = requests.readValue();
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw", "scan"))));
    ReferenceRequest second = requests.readValue();
    assertThat(second.getRound()).isGreaterThan(first.getRound());
    states.readValuesToList();

    replies.pipeInput(DEPOT, denied(first, "stale"));

    assertThat(states.isEmpty()).isTrue();
    replies.pipeInput(DEPOT, granted(second, null));
    assertThat(validations.readValue().getDepotKey()).isEqualTo(DEPOT);
  }

  @Test
  void reApplyingWithoutASecretReleasesIt() {
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    requests.readValuesToList();

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw", "scan"))));

    List<TestRecord<String, ReferenceRequest>> sent = requests.readRecordsToList();
    assertThat(sent)
        .extracting(r -> r.key() + " " + r.value().getAction())
        .containsExactly(SCAN_CRED + " RELEASE", CRED + " REFERENCE");
    assertThat(lastState().getGeneration()).isEqualTo(2);
  }

  // A command that releases secret references is answered once secret-service acknowledged each
  // release, so the next command (deleting the secret) finds the secret free.

  @Test
  void aReApplyDroppingASecretIsAnsweredOnceItsReleaseIsAcknowledged() {
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    requests.readValuesToList();
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.CREATED);

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw", "scan"))));
    ReferenceRequest release = requests.readValuesToList().get(0);
    assertThat(release.getAction()).isEqualTo(ReferenceAction.RELEASE);

    assertThat(results.isEmpty()).as("no answer before the release is acknowledged").isTrue();
    assertThat(lastState().getStatus()).as("the new spec is in force").isEqualTo("pending");
    replies.pipeInput(DEPOT, released(release));

    CommandResult updated = results.readValue();
    assertThat(updated.getOutcome()).isEqualTo(Outcome.UPDATED);
    assertThat(updated.getGeneration()).isEqualTo(2);
    assertThat(states.isEmpty()).as("an acknowledgement changes nothing users see").isTrue();
  }

  @Test
  void aDeleteOfADepotWithSecretsWaitsForEveryReleaseThenTombstonesItAndAnswers() {
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    requests.readValuesToList();
    results.readValuesToList();
    events.readValuesToList();
    states.readValuesToList();

    DepotCommand delete = delete();
    commands.pipeInput(DEPOT, delete);

    List<ReferenceRequest> releases = requests.readValuesToList();
    assertThat(releases)
        .extracting(r -> r.getSecretKey() + " " + r.getAction())
        .containsExactly(CRED + " RELEASE", SCAN_CRED + " RELEASE");
    ResourceState deleting = states.readValue();
    assertThat(deleting.getStatus()).isEqualTo("deleting");
    assertThat(results.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();

    replies.pipeInput(DEPOT, released(releases.get(1)));
    assertThat(results.isEmpty()).as("one release is still pending").isTrue();
    assertThat(states.isEmpty()).isTrue();

    replies.pipeInput(DEPOT, released(releases.get(0)));

    long tombstone = tombstoneVersion(states.readRecord());
    assertThat(tombstone).isGreaterThan(deleting.getResourceVersion());
    CommandResult answer = results.readValue();
    assertThat(answer.getCommandId()).isEqualTo(delete.getCommandId());
    assertThat(answer.getOutcome()).isEqualTo(Outcome.DELETED);
    assertThat(answer.getStatus()).isEqualTo("deleted");
    assertThat(answer.getResourceVersion()).as("the gateway waits for it").isEqualTo(tombstone);
    DepotEvent deleted = events.readValue();
    assertThat(deleted.getType()).isEqualTo(DepotEventType.DEPOT_DELETED);
    assertThat(deleted.getEventId()).isEqualTo(delete.getCommandId());
    assertThat(deleted.getOccurredAt()).isEqualTo(AT);
    assertThat(driver.getKeyValueStore(DepotTopology.DEPOTS_STORE).get(DEPOT)).isNull();
  }

  @Test
  void aDeleteOfADepotWithoutSecretsAnswersAtOnce() {
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/data\"}")));
    results.readValuesToList();

    commands.pipeInput(DEPOT, delete());

    assertThat(requests.isEmpty()).isTrue();
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
    List<TestRecord<String, ResourceState>> published = states.readRecordsToList();
    tombstoneVersion(published.get(published.size() - 1));
    assertThat(lastEvent().getType()).isEqualTo(DepotEventType.DEPOT_DELETED);
  }

  @Test
  void aRepeatedReleasedIsHarmless() {
    commands.pipeInput(
        DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"))));
    requests.readValuesToList();
    results.readValuesToList();
    commands.pipeInput(DEPOT, delete());
    List<ReferenceRequest> releases = requests.readValuesToList();

    replies.pipeInput(DEPOT, released(releases.get(0)));
    replies.pipeInput(DEPOT, released(releases.get(0)));
    assertThat(results.isEmpty()).as("a repeat does not count for the other release").isTrue();
    replies.pipeInput(DEPOT, released(releases.get(1)));
    assertThat(results.readValuesToList()).hasSize(1);
    events.readValuesToList();
    states.readValuesToList();

    replies.pipeInput(DEPOT, released(releases.get(1)));

    assertThat(results.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
  }

  @Test
  void aLostReleasedIsSentAgainByASecondDeleteWhichIsAnsweredWithTheFirst() {
    grantedDepot();
    results.readValuesToList();
    DepotCommand first = delete();
    commands.pipeInput(DEPOT, first);
    ReferenceRequest lost = requests.readValue();

    DepotCommand retry = delete();
    commands.pipeInput(DEPOT, retry);

    assertThat(results.isEmpty()).isTrue();
    ReferenceRequest again = requests.readValue();
    assertThat(again).isEqualTo(lost);
    replies.pipeInput(DEPOT, released(again));
    assertThat(results.readValuesToList())
        .extracting(r -> r.getCommandId() + " " + r.getOutcome())
        .containsExactly(first.getCommandId() + " DELETED", retry.getCommandId() + " DELETED");
    assertThat(events.readValuesToList())
        .filteredOn(e -> e.getType() == DepotEventType.DEPOT_DELETED)
        .hasSize(1);
  }

  @Test
  void anApplyWhileTheDepotIsDeletingIsAConflictAndTheDeleteGoesOn() {
    grantedDepot();
    results.readValuesToList();
    commands.pipeInput(DEPOT, delete());
    ReferenceRequest release = requests.readValue();
    states.readValuesToList();

    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw", "scan"))));

    CommandResult conflict = results.readValue();
    assertThat(conflict.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(conflict.getErrorCode()).isEqualTo("conflict");
    assertThat(conflict.getMessage()).isEqualTo("depot 'pgdepot' is being deleted");
    assertThat(requests.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
    replies.pipeInput(DEPOT, released(release));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
  }

  @Test
  void aForceDeletedSecretWhileTheDepotIsDeletingFailsNothingAndItsReleaseStillEndsTheDelete() {
    grantedDepot();
    results.readValuesToList();
    commands.pipeInput(DEPOT, delete());
    ReferenceRequest release = requests.readValue();
    events.readValuesToList();
    states.readValuesToList();

    replies.pipeInput(DEPOT, forceDeleted(CRED));

    assertThat(events.isEmpty()).as("no DepotFailed").isTrue();
    assertThat(states.isEmpty()).isTrue();
    // secret-service answers a release of a secret that no longer exists too
    replies.pipeInput(DEPOT, released(release));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
    assertThat(events.readValue().getType()).isEqualTo(DepotEventType.DEPOT_DELETED);
  }

  @Test
  void aGrantOrACheckResultForADeletingDepotChangesNothing() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    ReferenceRequest reference = requests.readValue();
    commands.pipeInput(DEPOT, delete());
    ReferenceRequest release = requests.readValue();
    states.readValuesToList();

    replies.pipeInput(DEPOT, granted(reference, null));
    // the id the depot holds: only its deleting can make this result change nothing
    long checkId =
        driver
            .<String, DepotState>getKeyValueStore(DepotTopology.DEPOTS_STORE)
            .get(DEPOT)
            .getCheckId();
    checks.pipeInput(
        DEPOT,
        ValidationResult.newBuilder()
            .setDepotKey(DEPOT)
            .setCheckId(checkId)
            .setPassed(true)
            .setVerified(true)
            .setSteps(List.of())
            .setCheckedAt(AT + 3)
            .build());

    assertThat(validations.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
    assertThat(results.readValuesToList())
        .extracting(CommandResult::getOutcome)
        .containsExactly(Outcome.CREATED);
    replies.pipeInput(DEPOT, released(release));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
  }

  @Test
  void anAnswerWaitsBehindTheReleaseOfAnEarlierCommand() {
    DepotSpec both = tenantSpec("postgres", ref(CRED, "rw"), ref(SCAN_CRED, "scan"));
    DepotSpec one = tenantSpec("postgres", ref(CRED, "rw", "scan"));
    commands.pipeInput(DEPOT, apply(both));
    requests.readValuesToList();
    results.readValuesToList();
    commands.pipeInput(DEPOT, apply(one));
    ReferenceRequest release = requests.readValuesToList().get(0);

    commands.pipeInput(DEPOT, apply(one));

    assertThat(results.isEmpty()).isTrue();
    assertThat(requests.readValuesToList())
        .as("the pending release of a secret no longer referenced is sent again")
        .containsExactly(release);
    replies.pipeInput(DEPOT, released(release));
    assertThat(results.readValuesToList())
        .extracting(CommandResult::getOutcome)
        .containsExactly(Outcome.UPDATED, Outcome.UNCHANGED);
  }

  @Test
  void aCommandFromBefore02IsAnsweredAtOnceAsItWasThen() {
    grantedDepot();
    results.readValuesToList();
    DepotCommand old = DepotCommand.newBuilder(delete()).setAwaitReleases(false).build();

    commands.pipeInput(DEPOT, old);

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
    assertThat(requests.readValue().getAction()).isEqualTo(ReferenceAction.RELEASE);
    List<TestRecord<String, ResourceState>> published = states.readRecordsToList();
    tombstoneVersion(published.get(published.size() - 1));
  }

  @Test
  void aDeleteDecidedBeforeAReplayIsAnsweredAfterItWhenItsReleaseWasAcknowledgedOnlyAfter() {
    driver.close();
    ReplayBoundary boundary = new ReplayBoundary();
    boundary.set(Map.of(ReplayBoundary.key(Topics.DEPOT_COMMANDS.name(PREFIX), 0), 2L));
    startDriver(tmp.resolve("replay-release"), boundary);
    DepotSpec spec = tenantSpec("postgres", ref(CRED, "rw"));
    commands.pipeInput(DEPOT, apply(spec));
    DepotCommand delete = delete();
    commands.pipeInput(DEPOT, delete);
    assertThat(requests.isEmpty()).as("sent before the replay").isTrue();
    ReferenceRequest release =
        ReferenceRequest.newBuilder()
            .setSecretKey(CRED)
            .setDepotKey(DEPOT)
            .setDepotTenant("engineering")
            .setAction(ReferenceAction.RELEASE)
            .setRound(2)
            .setIssuedAt(AT)
            .build();

    replies.pipeInput(DEPOT, released(release));

    assertThat(results.readValue().getCommandId()).isEqualTo(delete.getCommandId());
    assertThat(events.readValue().getType()).isEqualTo(DepotEventType.DEPOT_DELETED);
  }

  // The gateway checks ownership from its read view, which may not hold the depot yet (just
  // created, or the gateway is catching up after a start): the service checks again from its store.

  @Test
  void anotherUsersDepotIsNeitherChangedNorDeletedByAUserWhoMayNotWriteOthers() {
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/data\"}")));
    CommandResult created = results.readValue();
    states.readValuesToList();
    events.readValuesToList();

    DepotCommand takeover =
        DepotCommand.newBuilder(apply(spec("file", "tenant", "{\"path\":\"/etc\"}")))
            .setIssuedBy("mallory")
            .setMayWriteOthers(false)
            .build();
    DepotCommand removal =
        DepotCommand.newBuilder(delete()).setIssuedBy("mallory").setMayWriteOthers(false).build();
    for (DepotCommand refused : List.of(takeover, removal)) {
      commands.pipeInput(DEPOT, refused);
      CommandResult result = results.readValue();
      assertThat(result.getOutcome()).isEqualTo(Outcome.REJECTED);
      assertThat(result.getErrorCode()).isEqualTo("forbidden");
      assertThat(result.getMessage()).isEqualTo("forbidden: depot 'pgdepot' is owned by 'alice'");
    }
    assertThat(states.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
    assertThat(requests.isEmpty()).isTrue();
    DepotState stored =
        driver.<String, DepotState>getKeyValueStore(DepotTopology.DEPOTS_STORE).get(DEPOT);
    assertThat(stored.getResourceVersion()).isEqualTo(created.getResourceVersion());
    assertThat(stored.getSpec().getConnection()).contains("/data");

    commands.pipeInput(
        DEPOT,
        DepotCommand.newBuilder(delete()).setIssuedBy("admin").setMayWriteOthers(true).build());
    assertThat(results.readValue().getOutcome())
        .as("an operator or tenant admin may")
        .isEqualTo(Outcome.DELETED);
  }

  @Test
  void aCommandFromBeforeTheServicesCheckedOwnershipIsDecidedAsBefore() {
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/data\"}")));
    results.readValuesToList();

    commands.pipeInput(DEPOT, DepotCommand.newBuilder(delete()).setIssuedBy("someone").build());

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
  }

  @Test
  void deletingAMissingDepotIsNotFound() {
    commands.pipeInput(DEPOT, delete());
    CommandResult result = results.readValue();
    assertThat(result.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.getErrorCode()).isEqualTo("not_found");
  }

  @Test
  void aChangedSecretReChecksAndAPassReActivates() {
    ValidationRequest first = grantedDepot();
    checks.pipeInput(DEPOT, checkResult(first, true, true));
    events.readValuesToList();

    replies.pipeInput(DEPOT, notice(ReferenceReplyType.SECRET_CHANGED, "secret 'pg-cred' changed"));

    ValidationRequest again = validations.readValue();
    assertThat(again.getCheckId()).isGreaterThan(first.getCheckId());
    assertThat(again.getReason()).isEqualTo("secret 'pg-cred' changed");
    assertThat(lastState().getStatus()).as("stays active while re-checking").isEqualTo("active");
    checks.pipeInput(DEPOT, checkResult(again, true, true));
    DepotEvent reactivated = lastEvent();
    assertThat(reactivated.getType()).isEqualTo(DepotEventType.DEPOT_ACTIVATED);
    assertThat(reactivated.getReason()).isEqualTo("secret 'pg-cred' changed");
  }

  @Test
  void aForceDeletedSecretPutsItsDepotInErrorAndVoidsARunningCheck() {
    ValidationRequest running = grantedDepot();

    replies.pipeInput(
        DEPOT,
        notice(
            ReferenceReplyType.SECRET_DELETED, "secret 'pg-cred' was deleted (forced by admin)"));
    checks.pipeInput(DEPOT, checkResult(running, true, true));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("error");
    assertThat(state.getDetails()).contains("secret 'pg-cred' was deleted (forced by admin)");
    assertThat(lastEvent().getType()).isEqualTo(DepotEventType.DEPOT_FAILED);
  }

  @Test
  void aRepeatedCheckResultIsAppliedOnce() {
    ValidationRequest check = grantedDepot();
    checks.pipeInput(DEPOT, checkResult(check, true, true));
    events.readValuesToList();

    checks.pipeInput(DEPOT, checkResult(check, true, true));

    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void anInstanceSecretDepotWithRwButNoRSecretIsRefusedWithTheKnownMessage() {
    commands.pipeInput(DEPOT, apply(instanceSpec(RW)));
    replies.pipeInput(DEPOT, granted(requests.readValue(), "rw"));

    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("error");
    assertThat(state.getDetails()).contains(Saga.MISSING_R);
    assertThat(validations.isEmpty()).isTrue();
  }

  @Test
  void anInstanceSecretDepotWithRAndRwIsCheckedWithTheRwSecret() {
    commands.pipeInput(DEPOT, apply(instanceSpec(R, RW)));
    List<ReferenceRequest> asked = requests.readValuesToList();
    assertThat(asked).allSatisfy(r -> assertThat(r.getPurposes()).isEmpty());

    replies.pipeInput(DEPOT, granted(asked.get(0), "r"));
    replies.pipeInput(DEPOT, granted(asked.get(1), "rw"));

    ValidationRequest check = validations.readValue();
    assertThat(check.getCredentialSecret()).isEqualTo(RW);
    assertThat(check.getCredentialPurpose()).isEqualTo("rw");
  }

  @Test
  void aDepotWithoutSecretsIsCheckedAtOnce() {
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/data\"}")));

    assertThat(requests.isEmpty()).isTrue();
    ValidationRequest check = validations.readValue();
    assertThat(check.getCredentialSecret()).isNull();
  }

  @Test
  void aLateResultOfADeletedDepotsCheckDoesNotActivateTheDepotCreatedAgainUnderItsName() {
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/data\"}")));
    ValidationRequest oldCheck = validations.readValue();
    commands.pipeInput(DEPOT, delete());
    assertThat(driver.getKeyValueStore(DepotTopology.DEPOTS_STORE).get(DEPOT)).isNull();
    commands.pipeInput(DEPOT, apply(spec("file", "tenant", "{\"path\":\"/elsewhere\"}")));
    ValidationRequest newCheck = validations.readValue();

    checks.pipeInput(DEPOT, checkResult(oldCheck, true, true));

    assertThat(newCheck.getCheckId()).isNotEqualTo(oldCheck.getCheckId());
    KeyValueStore<String, DepotState> store = driver.getKeyValueStore(DepotTopology.DEPOTS_STORE);
    assertThat(store.get(DEPOT).getStatus()).isEqualTo("pending");
    checks.pipeInput(DEPOT, checkResult(newCheck, true, true));
    assertThat(store.get(DEPOT).getStatus()).isEqualTo("active");
  }

  @Test
  void theSameSpecAgainIsUnchangedAndEmitsNothing() {
    DepotSpec spec = tenantSpec("postgres", ref(CRED, "rw"));
    commands.pipeInput(DEPOT, apply(spec));
    requests.readValuesToList();
    events.readValuesToList();
    states.readValuesToList();

    commands.pipeInput(DEPOT, apply(spec));

    assertThat(results.readValuesToList().get(1).getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(requests.isEmpty()).isTrue();
    assertThat(events.isEmpty()).isTrue();
    assertThat(states.isEmpty()).isTrue();
  }

  @Test
  void theSameSpecOnAFailedDepotTriesAgain() {
    DepotSpec spec = tenantSpec("postgres", ref(CRED, "rw"));
    commands.pipeInput(DEPOT, apply(spec));
    replies.pipeInput(DEPOT, denied(requests.readValue(), "secret 'pg-cred' does not exist"));
    results.readValuesToList();

    commands.pipeInput(DEPOT, apply(spec));

    CommandResult again = results.readValue();
    assertThat(again.getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.getStatus()).isEqualTo("pending");
    ReferenceRequest retry = requests.readValue();
    replies.pipeInput(DEPOT, granted(retry, null));
    assertThat(validations.readValue().getCredentialSecret()).isEqualTo(CRED);
  }

  @Test
  void aStaleResourceVersionIsAConflict() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    DepotCommand stale =
        DepotCommand.newBuilder(apply(tenantSpec("postgres", ref(CRED, "scan"))))
            .setExpectedResourceVersion(999L)
            .build();

    commands.pipeInput(DEPOT, stale);

    CommandResult conflict = results.readValuesToList().get(1);
    assertThat(conflict.getErrorCode()).isEqualTo("conflict");
    assertThat(conflict.getField()).isEqualTo("resourceVersion");
  }

  @Test
  void theReferenceRequestsCarryWhoAppliedTheDepotAsTheyWereThen() {
    commands.pipeInput(DEPOT, applyBy(tenantSpec("postgres", ref(CRED, "rw")), ALICE));

    assertThat(requests.readValue().getApplier()).isEqualTo(ALICE);
    assertThat(lastState().getDetails()).contains("\"appliedBy\":\"alice\"");
  }

  @Test
  void revalidatingAsksForEverySecretAgainWithTheAppliersIdentityAsItIsNow() {
    commands.pipeInput(DEPOT, applyBy(tenantSpec("postgres", ref(CRED, "rw")), ALICE));
    replies.pipeInput(DEPOT, granted(requests.readValue(), null));
    checks.pipeInput(DEPOT, checkResult(validations.readValue(), true, true));
    assertThat(lastState().getStatus()).isEqualTo("active");
    Applier aliceNow = Applier.newBuilder(ALICE).setUseCases(List.of()).build();

    commands.pipeInput(DEPOT, revalidate(aliceNow));

    ReferenceRequest again = requests.readValue();
    assertThat(again.getApplier()).isEqualTo(aliceNow);
    assertThat(again.getIssuedAt()).isEqualTo(AT + 1);
    replies.pipeInput(
        DEPOT, denied(again, "user 'alice' may not use secret 'engineering:pg-cred'"));
    ResourceState state = lastState();
    assertThat(state.getStatus()).isEqualTo("error");
    assertThat(state.getDetails())
        .contains("secret reference denied: user 'alice' may not use secret 'engineering:pg-cred'");
    assertThat(lastEvent().getType()).isEqualTo(DepotEventType.DEPOT_FAILED);
  }

  @Test
  void revalidatingForAWithdrawnGrantKeepsTheApplierAndAnotherUsersIdentityIsIgnored() {
    commands.pipeInput(DEPOT, applyBy(tenantSpec("postgres", ref(CRED, "rw")), ALICE));
    requests.readValue();
    Applier bob = Applier.newBuilder(ALICE).setId("bob").build();

    commands.pipeInput(DEPOT, revalidate(null));
    commands.pipeInput(DEPOT, revalidate(bob));

    assertThat(requests.readValuesToList())
        .extracting(ReferenceRequest::getApplier)
        .containsExactly(ALICE, ALICE);
  }

  @Test
  void revalidatingAMissingDepotIsNotFound() {
    commands.pipeInput(DEPOT, revalidate(ALICE));

    assertThat(results.readValue().getErrorCode()).isEqualTo("not_found");
    assertThat(requests.isEmpty()).isTrue();
  }

  // --- fixtures

  private ValidationRequest grantedDepot() {
    commands.pipeInput(DEPOT, apply(tenantSpec("postgres", ref(CRED, "rw"))));
    replies.pipeInput(DEPOT, granted(requests.readValue(), null));
    return validations.readValue();
  }

  private ResourceState lastState() {
    List<ResourceState> all = states.readValuesToList();
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private DepotEvent lastEvent() {
    List<DepotEvent> all = events.readValuesToList();
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  private static DepotSecretRef ref(String secret, String... purposes) {
    return DepotSecretRef.newBuilder()
        .setSecretKey(secret)
        .setPurposes(List.of(purposes))
        .setKeys(List.of())
        .build();
  }

  private static DepotSpec tenantSpec(String type, DepotSecretRef... refs) {
    DepotSpec spec =
        spec(type, "tenant", "{\"database\":\"orders\",\"host\":\"db\",\"port\":5432}");
    spec.setSecrets(List.of(refs));
    return spec;
  }

  private static DepotSpec instanceSpec(String... secrets) {
    DepotSpec spec =
        spec(
            "postgres",
            "instance-secret",
            "{\"database\":\"orders\",\"host\":\"db\",\"port\":5432}");
    spec.setSecrets(List.of(secrets).stream().map(s -> ref(s)).toList());
    return spec;
  }

  private static DepotSpec spec(String type, String shape, String connection) {
    return DepotSpec.newBuilder()
        .setTenant("engineering")
        .setName("pgdepot")
        .setManifestVersion("v2alpha")
        .setOwner("alice")
        .setShape(shape)
        .setSourceType(type)
        .setDeclaredType(type.toUpperCase())
        .setConnection(connection)
        .setSecrets(List.of())
        .build();
  }

  private static DepotCommand apply(DepotSpec spec) {
    return DepotCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(DEPOT)
        .setAction(DepotAction.APPLY)
        .setIssuedBy("alice")
        .setIssuedAt(AT)
        .setSpec(spec)
        .setAwaitReleases(true)
        .build();
  }

  private static final Applier ALICE =
      Applier.newBuilder()
          .setId("alice")
          .setTenants(List.of("engineering"))
          .setTags(List.of("roles:id:data-dev"))
          .setUseCases(List.of("read-secret"))
          .build();

  private static DepotCommand applyBy(DepotSpec spec, Applier applier) {
    return DepotCommand.newBuilder(apply(spec)).setApplier(applier).build();
  }

  private static DepotCommand revalidate(Applier applier) {
    return DepotCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(DEPOT)
        .setAction(DepotAction.REVALIDATE)
        .setIssuedBy("admin")
        .setIssuedAt(AT + 1)
        .setApplier(applier)
        .setAwaitReleases(true)
        .build();
  }

  private static DepotCommand delete() {
    return DepotCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(DEPOT)
        .setAction(DepotAction.DELETE)
        .setIssuedBy("alice")
        .setIssuedAt(AT)
        .setAwaitReleases(true)
        .build();
  }

  private static ReferenceReply released(ReferenceRequest release) {
    return reply(release, ReferenceReplyType.RELEASED, null, null);
  }

  private static ReferenceReply forceDeleted(String secret) {
    return ReferenceReply.newBuilder(
            notice(ReferenceReplyType.SECRET_DELETED, "secret was deleted (forced by admin)"))
        .setSecretKey(secret)
        .build();
  }

  private static long tombstoneVersion(TestRecord<String, ResourceState> record) {
    assertThat(record.value()).as("a tombstone").isNull();
    return io.datadock.schemas.ResourceVersionHeader.read(record.headers());
  }

  private static ReferenceReply granted(ReferenceRequest request, String acl) {
    return reply(request, ReferenceReplyType.GRANTED, null, acl);
  }

  private static ReferenceReply denied(ReferenceRequest request, String reason) {
    return reply(request, ReferenceReplyType.DENIED, reason, null);
  }

  private static ReferenceReply reply(
      ReferenceRequest request, ReferenceReplyType type, String reason, String acl) {
    return ReferenceReply.newBuilder()
        .setSecretKey(request.getSecretKey())
        .setDepotKey(request.getDepotKey())
        .setType(type)
        .setReason(reason)
        .setAcl(acl)
        .setSecretGeneration(1L)
        .setRound(request.getRound())
        .setAt(AT + 1)
        .build();
  }

  private static ReferenceReply notice(ReferenceReplyType type, String reason) {
    return ReferenceReply.newBuilder()
        .setSecretKey(CRED)
        .setDepotKey(DEPOT)
        .setType(type)
        .setReason(reason)
        .setRound(0)
        .setAt(AT + 2)
        .build();
  }

  private static ValidationResult checkResult(
      ValidationRequest request, boolean passed, boolean verified) {
    DepotCheckStep auth =
        DepotCheckStep.newBuilder()
            .setName("authenticate")
            .setStatus(passed ? "passed" : "failed")
            .setMessage(passed ? "authenticated as 'u'" : "authentication failed for user 'u'")
            .build();
    return ValidationResult.newBuilder()
        .setDepotKey(request.getDepotKey())
        .setCheckId(request.getCheckId())
        .setPassed(passed)
        .setVerified(verified)
        .setSteps(List.of(auth))
        .setCheckedAt(AT + 3)
        .build();
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(
        topic.name(PREFIX), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(
        topic.name(PREFIX), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }
}
