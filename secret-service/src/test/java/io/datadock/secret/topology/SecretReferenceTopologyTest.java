package io.datadock.secret.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.Sealer;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.schemas.GrantKeys;
import io.datadock.schemas.SequencingHeader;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.common.Applier;
import io.datadock.schemas.identity.GranteeKind;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.reference.ReferenceAction;
import io.datadock.schemas.reference.ReferenceReply;
import io.datadock.schemas.reference.ReferenceReplyType;
import io.datadock.schemas.reference.ReferenceRequest;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.secret.SecretAction;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretSpec;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.lifecycle.SecretDecider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
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

/**
 * The secret side of the depot reference saga: grants, denials, releases and notices; and the order
 * a secret's commands and references are decided in.
 */
class SecretReferenceTopologyTest {

  private static final String PREFIX = "t.";
  private static final String SECRET = "engineering/secret/pg-cred";
  private static final String R_SECRET = "engineering/instance-secret/pgdepot-r";
  private static final String DEPOT = "engineering/depot/pgdepot";
  private static final String OTHER_DEPOT = "engineering/depot/another";
  private static final long AT = 1_700_000_000_000L;

  @TempDir Path tmp;
  private KeyRing keyRing;
  private final Sealer sealer = new Sealer();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SpecificRecord> commands;
  private Requests requests;
  private TestOutputTopic<String, ReferenceReply> replies;
  private TestOutputTopic<String, CommandResult> results;

  @BeforeEach
  void start() {
    keyRing = KeyRing.loadOrCreate(tmp.resolve("keys"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "secret-reference-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
    driver = new TopologyTestDriver(SecretTopology.build(PREFIX, keyRing::open), props);
    commands = input(Topics.SECRET_COMMANDS);
    requests = new Requests(input(Topics.SECRET_REFERENCE_REQUESTS));
    // secret-service writes only replies onto depot.commands, the depots' one ordered input
    Deserializer<SpecificRecord> depotInputs = Topics.DEPOT_COMMANDS.valueSerde().deserializer();
    replies =
        driver.createOutputTopic(
            Topics.DEPOT_COMMANDS.name(PREFIX),
            Topics.DEPOT_COMMANDS.keySerde().deserializer(),
            (topic, bytes) -> (ReferenceReply) depotInputs.deserialize(topic, bytes));
    results = output(Topics.COMMAND_RESULTS);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aReferenceToAnExistingSecretIsGrantedAndRecordsTheDepot() {
    givenSecret(SECRET, null);

    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw", "scan"));

    ReferenceReply reply = replies.readRecord().value();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(reply.getDepotKey()).isEqualTo(DEPOT);
    assertThat(reply.getRound()).isEqualTo(7);
    assertThat(reply.getSecretGeneration()).isEqualTo(1);
    assertThat(store().get(SECRET).getDependents()).containsExactly(DEPOT);
  }

  @Test
  void theRepliesAreKeyedByTheDepot() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    assertThat(replies.readRecord().key()).isEqualTo(DEPOT);
  }

  @Test
  void aMissingSecretIsDeniedWithTheReason() {
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));

    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(reply.getReason()).isEqualTo("secret 'pg-cred' does not exist");
  }

  @Test
  void aSecretInAnotherTenantIsDeniedWithoutSayingWhetherItExists() {
    String foreign = "finance/secret/pg-cred";
    givenSecret(foreign, null);

    requests.pipeInput(foreign, reference(foreign, DEPOT, "rw"));

    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(reply.getReason())
        .isEqualTo(
            "secret 'pg-cred' is in tenant 'finance', not in the depot's tenant 'engineering',"
                + " which it has not been granted");
    assertThat(store().get(foreign).getDependents()).isEmpty();
  }

  @Test
  void aSecretOfAnotherTenantIsGrantedOnceThatTenantGrantedIt() {
    String foreign = "finance/secret/pg-cred";
    givenSecret(foreign, null);
    TestInputTopic<String, ReferenceGrant> grants = input(Topics.IDENTITY_GRANTS);
    grants.pipeInput(
        "finance/engineering/pg-cred",
        ReferenceGrant.newBuilder()
            .setOwner("finance")
            .setGrantee("engineering")
            .setSecret("pg-cred")
            .setCreatedBy("fin-admin")
            .setCreatedAt(1)
            .build());

    requests.pipeInput(foreign, reference(foreign, DEPOT, "rw"));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(store().get(foreign).getDependents()).containsExactly(DEPOT);

    grants.pipeInput("finance/engineering/pg-cred", (ReferenceGrant) null);
    requests.pipeInput(foreign, reference(foreign, OTHER_DEPOT, "rw"));
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
  }

  @Test
  void anAclRSecretCannotServeRw() {
    givenSecret(R_SECRET, "r");

    requests.pipeInput(R_SECRET, reference(R_SECRET, DEPOT, "rw"));

    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(reply.getReason())
        .isEqualTo("instance-secret 'pgdepot-r' has acl r and cannot serve purpose rw");
  }

  @Test
  void anInstanceSecretReferenceWithoutPurposesIsGrantedWithItsAcl() {
    givenSecret(R_SECRET, "r");

    requests.pipeInput(R_SECRET, reference(R_SECRET, DEPOT));

    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(reply.getAcl()).isEqualTo("r");
  }

  @Test
  void aDeleteBeforeTheReferenceWinsAndTheReferenceIsDenied() {
    givenSecret(SECRET, null);

    commands.pipeInput(SECRET, delete(SECRET, false));
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(reply.getReason()).isEqualTo("secret 'pg-cred' does not exist");
  }

  @Test
  void aReferenceBeforeTheDeleteWinsAndTheDeleteIsRefusedNamingEveryDependent() {
    givenSecret(SECRET, null);

    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    requests.pipeInput(SECRET, reference(SECRET, OTHER_DEPOT, "scan"));
    commands.pipeInput(SECRET, delete(SECRET, false));

    assertThat(replies.readValuesToList())
        .extracting(ReferenceReply::getType)
        .containsExactly(ReferenceReplyType.GRANTED, ReferenceReplyType.GRANTED);
    CommandResult refused = results.readValue();
    assertThat(refused.getOutcome()).isEqualTo(Outcome.REJECTED);
    assertThat(refused.getErrorCode()).isEqualTo("dependency");
    assertThat(refused.getMessage())
        .isEqualTo(
            "cannot delete resource, it is a dependency of 'depot:v2alpha:another',"
                + " 'depot:v2alpha:pgdepot'");
    assertThat(store().get(SECRET)).isNotNull();
  }

  @Test
  void aReleaseRemovesTheDependentSoTheDeleteSucceeds() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    replies.readValue();

    requests.pipeInput(SECRET, release(SECRET, DEPOT));
    commands.pipeInput(SECRET, delete(SECRET, false));

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
  }

  @Test
  void aReleaseIsAcknowledgedToTheDepotWithItsRound() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    replies.readValue();

    requests.pipeInput(SECRET, release(SECRET, DEPOT));

    TestRecord<String, ReferenceReply> released = replies.readRecord();
    assertThat(released.key()).isEqualTo(DEPOT);
    assertThat(released.value().getType()).isEqualTo(ReferenceReplyType.RELEASED);
    assertThat(released.value().getSecretKey()).isEqualTo(SECRET);
    assertThat(released.value().getRound()).isEqualTo(7);
    assertThat(store().get(SECRET).getDependents()).isEmpty();
  }

  @Test
  void aReleaseOfAMissingSecretOrOfANonDependentIsAcknowledgedToo() {
    givenSecret(SECRET, null);

    requests.pipeInput(SECRET, release(SECRET, DEPOT));
    requests.pipeInput(R_SECRET, release(R_SECRET, DEPOT));

    assertThat(replies.readValuesToList())
        .extracting(r -> r.getSecretKey() + " " + r.getType())
        .containsExactly(SECRET + " RELEASED", R_SECRET + " RELEASED");
    assertThat(store().get(R_SECRET)).as("nothing is created").isNull();
  }

  @Test
  void changedDataNotifiesEveryDependent() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    requests.pipeInput(SECRET, reference(SECRET, OTHER_DEPOT, "rw"));
    replies.readValuesToList();

    commands.pipeInput(SECRET, apply(SECRET, null, Map.of("username", "u", "password", "new")));

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.UPDATED);
    List<ReferenceReply> notices = replies.readValuesToList();
    assertThat(notices)
        .extracting(ReferenceReply::getDepotKey)
        .containsExactlyInAnyOrder(DEPOT, OTHER_DEPOT);
    assertThat(notices)
        .allSatisfy(
            n -> {
              assertThat(n.getType()).isEqualTo(ReferenceReplyType.SECRET_CHANGED);
              assertThat(n.getSecretGeneration()).isEqualTo(2);
            });
  }

  @Test
  void sameDataAgainNotifiesNobody() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    replies.readValuesToList();

    commands.pipeInput(SECRET, apply(SECRET, null, Map.of("username", "u", "password", "p")));

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(replies.isEmpty()).isTrue();
  }

  @Test
  void aForcedDeleteTellsEachDependentItsSecretIsGone() {
    givenSecret(SECRET, null);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));
    replies.readValuesToList();

    commands.pipeInput(SECRET, delete(SECRET, true));

    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
    ReferenceReply notice = replies.readValue();
    assertThat(notice.getType()).isEqualTo(ReferenceReplyType.SECRET_DELETED);
    assertThat(notice.getDepotKey()).isEqualTo(DEPOT);
    assertThat(notice.getReason()).isEqualTo("secret 'pg-cred' was deleted (forced by alice)");
  }

  // Using a secret is a permission: the request names who applied the depot, as they were then.

  @Test
  void theSecretsOwnerMayUseIt() {
    givenSecret(SECRET, null);

    requests.pipeInput(SECRET, referenceBy(applier("alice", "engineering"), SECRET, DEPOT, "rw"));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
  }

  @Test
  void aDataDevWhoMayNotReadTheSecretIsDeniedAndNothingIsRecorded() {
    givenSecret(SECRET, null);
    Applier mallory =
        Applier.newBuilder(applier("mallory", "engineering"))
            .setTags(List.of("roles:id:user", "roles:id:data-dev"))
            .build();

    requests.pipeInput(SECRET, referenceBy(mallory, SECRET, DEPOT, "rw"));

    assertDeniedAndNotRecorded("user 'mallory' may not use secret 'engineering:pg-cred'");
  }

  @Test
  void aReadSecretHolderMayUseTheSecretsOfTheirOwnTenantOnly() {
    givenSecret(SECRET, null);
    Applier bob =
        Applier.newBuilder(applier("bob", "engineering"))
            .setUseCases(List.of("read-secret"))
            .build();
    Applier bobElsewhere = Applier.newBuilder(bob).setTenants(List.of("finance")).build();

    requests.pipeInput(SECRET, referenceBy(bob, SECRET, DEPOT, "rw"));
    requests.pipeInput(SECRET, referenceBy(bobElsewhere, SECRET, OTHER_DEPOT, "rw"));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(store().get(SECRET).getDependents()).containsExactly(DEPOT);
  }

  @Test
  void anInstanceSecretServesOperatorsAndInstanceManagersOnly() {
    givenSecret(R_SECRET, "r");
    Applier operator =
        Applier.newBuilder(applier("olga", "engineering"))
            .setTags(List.of("roles:id:operator"))
            .build();
    Applier manager =
        Applier.newBuilder(applier("max", "engineering"))
            .setUseCases(List.of("manage-instance-level-resources"))
            .build();

    requests.pipeInput(R_SECRET, referenceBy(operator, R_SECRET, DEPOT));
    requests.pipeInput(R_SECRET, referenceBy(manager, R_SECRET, OTHER_DEPOT));
    requests.pipeInput(R_SECRET, referenceBy(applier("dev", "engineering"), R_SECRET, DEPOT));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(replies.readValue().getReason())
        .isEqualTo("user 'dev' may not use instance-secret 'engineering:pgdepot-r'");
  }

  @Test
  void aGrantToAUserHoldsFromItsCreationUntilItsWithdrawal() {
    givenSecret(SECRET, null);
    Applier mallory = applier("mallory", "engineering");
    givenGrant(toUser("engineering", "mallory", "alice").setCreatedAt(100).setRevokedAt(200L));

    requests.pipeInput(SECRET, issuedAt(referenceBy(mallory, SECRET, DEPOT, "rw"), 99));
    requests.pipeInput(SECRET, issuedAt(referenceBy(mallory, SECRET, DEPOT, "rw"), 150));
    requests.pipeInput(SECRET, issuedAt(referenceBy(mallory, SECRET, DEPOT, "rw"), 200));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
  }

  @Test
  void aGrantItsOwnerGaveDoesNotPassToASecretOfTheSameNameAppliedLaterBySomeoneElse() {
    // The squat: mallory applies a secret under the name the tenant's real one will have, grants
    // it to herself as its owner, deletes it; alice then applies the real one under that name.
    Applier mallory = applier("mallory", "engineering");
    commands.pipeInput(SECRET, by("mallory", apply(SECRET, null, Map.of("password", "mine"))));
    givenGrant(toUser("engineering", "mallory", "mallory").setSecretOwner("mallory"));
    requests.pipeInput(SECRET, referenceBy(mallory, SECRET, DEPOT, "rw"));
    requests.pipeInput(SECRET, release(SECRET, DEPOT));
    commands.pipeInput(SECRET, by("mallory", delete(SECRET, false)));
    commands.pipeInput(SECRET, apply(SECRET, null, Map.of("password", "the real one")));
    assertThat(results.readValuesToList())
        .extracting(CommandResult::getOutcome)
        .containsExactly(Outcome.CREATED, Outcome.DELETED, Outcome.CREATED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    replies.readValue(); // the release

    requests.pipeInput(SECRET, referenceBy(mallory, SECRET, OTHER_DEPOT, "rw"));

    assertDeniedAndNotRecorded("user 'mallory' may not use secret 'engineering:pg-cred'");
  }

  @Test
  void aTenantAdminsGrantOpensTheSecretOfItsNameButNotTheInstanceSecret() {
    // Grants name a secret by name, not kind: the secret 'pg-cred' and the operators'
    // instance-secret 'pg-cred' share one grant key. A tenant admin may not use instance secrets,
    // so their grant (as the gateway writes it) opens the secret only.
    String instanceSecret = "engineering/instance-secret/pg-cred";
    givenSecret(SECRET, null);
    givenSecret(instanceSecret, "rw");
    givenGrant(toUser("engineering", "mallory", "eng-admin").setInstanceSecrets(false));
    Applier mallory = applier("mallory", "engineering");

    requests.pipeInput(SECRET, referenceBy(mallory, SECRET, DEPOT, "rw"));
    requests.pipeInput(instanceSecret, referenceBy(mallory, instanceSecret, DEPOT, "rw"));

    assertThat(replies.readValuesToList())
        .extracting(ReferenceReply::getType, ReferenceReply::getReason)
        .containsExactly(
            tuple(ReferenceReplyType.GRANTED, null),
            tuple(
                ReferenceReplyType.DENIED,
                "user 'mallory' may not use instance-secret 'engineering:pg-cred'"));
  }

  @Test
  void aCrossTenantGrantItsOwnerGaveHoldsOnlyWhileThatUserOwnsTheSecret() {
    String foreign = "finance/secret/pg-cred";
    commands.pipeInput(foreign, by("fin-dev", apply(foreign, null, Map.of("password", "p"))));
    givenGrant(toTenant("finance", "engineering", "fin-dev").setSecretOwner("fin-dev"));
    Applier dev = applier("dev", "engineering");

    requests.pipeInput(foreign, referenceBy(dev, foreign, DEPOT));
    requests.pipeInput(foreign, release(foreign, DEPOT));
    commands.pipeInput(foreign, by("fin-dev", delete(foreign, false)));
    requests.pipeInput(foreign, referenceBy(dev, foreign, DEPOT));
    commands.pipeInput(foreign, apply(foreign, null, Map.of("password", "alice's")));
    requests.pipeInput(foreign, referenceBy(dev, foreign, DEPOT));

    assertThat(replies.readValuesToList())
        .extracting(ReferenceReply::getType, ReferenceReply::getReason)
        .containsExactly(
            tuple(ReferenceReplyType.GRANTED, null),
            tuple(ReferenceReplyType.RELEASED, null),
            tuple(ReferenceReplyType.DENIED, "secret 'pg-cred' does not exist"),
            tuple(
                ReferenceReplyType.DENIED,
                "secret 'pg-cred' is in tenant 'finance', not in the depot's tenant 'engineering',"
                    + " which it has not been granted"));
  }

  @Test
  void aSecretOfAnotherTenantGrantedToTheApplierIsGranted() {
    String foreign = "finance/secret/pg-cred";
    givenSecret(foreign, null);
    givenGrant(toUser("finance", "mallory", "fin-admin"));

    requests.pipeInput(foreign, referenceBy(applier("mallory", "engineering"), foreign, DEPOT));
    requests.pipeInput(foreign, referenceBy(applier("eve", "engineering"), foreign, OTHER_DEPOT));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
  }

  @Test
  void aDependentAskingAgainWithoutThePermissionStopsBeingADependent() {
    givenSecret(SECRET, null);
    Applier bob =
        Applier.newBuilder(applier("bob", "engineering"))
            .setUseCases(List.of("read-secret"))
            .build();
    requests.pipeInput(SECRET, referenceBy(bob, SECRET, DEPOT, "rw"));
    assertThat(store().get(SECRET).getDependents()).containsExactly(DEPOT);

    Applier bobWithoutReadSecret = Applier.newBuilder(bob).setUseCases(List.of()).build();
    requests.pipeInput(SECRET, referenceBy(bobWithoutReadSecret, SECRET, DEPOT, "rw"));

    replies.readValue();
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(store().get(SECRET).getDependents()).isEmpty();
  }

  @Test
  void aSecretIsDecidedInTheOrderOfItsOneInputLogWhateverTheRequestsTimestamp() {
    // The race the checker found: a reference request stamped before a delete of its secret (it
    // waited for depot-service's commit) but read after it. Live, the delete wins. A replay that
    // read requests from their own topic interleaved them by timestamp and decided the reference
    // first, so the delete was refused and the secret survived.
    commands.pipeInput(SECRET, apply(SECRET, null, Map.of("password", "p")), AT);
    commands.pipeInput(SECRET, delete(SECRET, false), AT + 20);
    requests.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"), AT + 10);
    assertThat(results.readValuesToList())
        .extracting(CommandResult::getOutcome)
        .containsExactly(Outcome.CREATED, Outcome.DELETED);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
    List<TestRecord<String, SpecificRecord>> copies =
        output(Topics.SECRET_COMMANDS).readRecordsToList();

    List<TestRecord<String, SpecificRecord>> commandLog = new ArrayList<>();
    commandLog.add(
        new TestRecord<>(SECRET, apply(SECRET, null, Map.of("password", "p")), null, AT));
    commandLog.add(new TestRecord<>(SECRET, delete(SECRET, false), null, AT + 20));
    commandLog.addAll(copies);
    SecretState replayed =
        replay(
            commandLog,
            List.of(
                new TestRecord<>(
                    SECRET,
                    reference(SECRET, DEPOT, "rw"),
                    SequencingHeader.onSecretCommands(),
                    AT + 10L)));

    assertThat(store().get(SECRET)).isNull();
    assertThat(replayed).as("the replay decides as the live run did: the delete won").isNull();
  }

  @Test
  void aRequestIsCopiedUnchangedOntoTheSecretsCommandLog() {
    ReferenceRequest request = reference(SECRET, DEPOT, "rw");
    requests.pipeInput(SECRET, request, AT);

    TestRecord<String, SpecificRecord> copy = output(Topics.SECRET_COMMANDS).readRecord();
    assertThat(copy.key()).isEqualTo(SECRET);
    assertThat(copy.value()).isEqualTo(request);
    assertThat(copy.timestamp()).isEqualTo(AT);
    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.DENIED);
  }

  @Test
  void anOlderDepotServicesUnmarkedRequestIsDecidedStraightAway() {
    // history from before the upgrade: requests without the mark, decided as they were then
    givenSecret(SECRET, null);
    TestInputTopic<String, ReferenceRequest> unmarked = input(Topics.SECRET_REFERENCE_REQUESTS);

    unmarked.pipeInput(SECRET, reference(SECRET, DEPOT, "rw"));

    assertThat(replies.readValue().getType()).isEqualTo(ReferenceReplyType.GRANTED);
    assertThat(store().get(SECRET).getDependents()).containsExactly(DEPOT);
    assertThat(
            output(Topics.SECRET_COMMANDS).readRecordsToList().stream()
                .filter(r -> r.value() instanceof ReferenceRequest))
        .isEmpty();
  }

  /**
   * A fresh secret-service replaying both input topics after a reset: everything below the boundary
   * was processed before, and each task takes the record with the lowest timestamp at the heads of
   * its partitions next, as Kafka Streams does.
   */
  private SecretState replay(
      List<TestRecord<String, SpecificRecord>> commandLog,
      List<TestRecord<String, ReferenceRequest>> requestLog) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "secret-reference-replay");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("replay").toString());
    ReplayBoundary boundary = new ReplayBoundary();
    boundary.set(
        Map.of(
            ReplayBoundary.key(Topics.SECRET_COMMANDS.name(PREFIX), 0), Long.MAX_VALUE,
            ReplayBoundary.key(Topics.SECRET_REFERENCE_REQUESTS.name(PREFIX), 0), Long.MAX_VALUE));
    try (TopologyTestDriver replay =
        new TopologyTestDriver(
            SecretTopology.build(PREFIX, keyRing::open, keyRing::open, boundary), props)) {
      TestInputTopic<String, SpecificRecord> commandTopic =
          replay.createInputTopic(
              Topics.SECRET_COMMANDS.name(PREFIX),
              Topics.SECRET_COMMANDS.keySerde().serializer(),
              Topics.SECRET_COMMANDS.valueSerde().serializer());
      TestInputTopic<String, ReferenceRequest> requestTopic =
          replay.createInputTopic(
              Topics.SECRET_REFERENCE_REQUESTS.name(PREFIX),
              Topics.SECRET_REFERENCE_REQUESTS.keySerde().serializer(),
              Topics.SECRET_REFERENCE_REQUESTS.valueSerde().serializer());
      int c = 0;
      int r = 0;
      while (c < commandLog.size() || r < requestLog.size()) {
        boolean commandNext =
            r == requestLog.size()
                || (c < commandLog.size()
                    && commandLog.get(c).timestamp() <= requestLog.get(r).timestamp());
        if (commandNext) {
          commandTopic.pipeInput(commandLog.get(c++));
        } else {
          requestTopic.pipeInput(requestLog.get(r++));
        }
      }
      KeyValueStore<String, SecretState> store =
          replay.getKeyValueStore(SecretTopology.SECRETS_STORE);
      return store.get(SECRET);
    }
  }

  /** depot-service's requests as it writes them: marked to be decided from their copy. */
  private record Requests(TestInputTopic<String, ReferenceRequest> topic) {
    void pipeInput(String key, ReferenceRequest request) {
      topic.pipeInput(new TestRecord<>(key, request, SequencingHeader.onSecretCommands()));
    }

    void pipeInput(String key, ReferenceRequest request, long timestamp) {
      topic.pipeInput(
          new TestRecord<>(key, request, SequencingHeader.onSecretCommands(), timestamp));
    }
  }

  private void givenSecret(String key, String acl) {
    commands.pipeInput(key, apply(key, acl, Map.of("username", "u", "password", "p")));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.CREATED);
  }

  /** The next reply is a denial for {@code reason}, and SECRET has no dependent. */
  private void assertDeniedAndNotRecorded(String reason) {
    ReferenceReply reply = replies.readValue();
    assertThat(reply.getType()).isEqualTo(ReferenceReplyType.DENIED);
    assertThat(reply.getReason()).isEqualTo(reason);
    assertThat(store().get(SECRET).getDependents()).isEmpty();
  }

  private void givenGrant(ReferenceGrant.Builder grant) {
    ReferenceGrant built = grant.build();
    input(Topics.IDENTITY_GRANTS).pipeInput(GrantKeys.of(built), built);
  }

  /** Tenant {@code owner}'s grant of its secret 'pg-cred' to user {@code user}. */
  private static ReferenceGrant.Builder toUser(String owner, String user, String createdBy) {
    return toTenant(owner, user, createdBy).setGranteeKind(GranteeKind.USER);
  }

  /** Tenant {@code owner}'s grant of its secret 'pg-cred' to tenant {@code grantee}. */
  private static ReferenceGrant.Builder toTenant(String owner, String grantee, String createdBy) {
    return ReferenceGrant.newBuilder()
        .setOwner(owner)
        .setGrantee(grantee)
        .setGranteeKind(GranteeKind.TENANT)
        .setSecret("pg-cred")
        .setCreatedBy(createdBy)
        .setCreatedAt(1);
  }

  private KeyValueStore<String, SecretState> store() {
    return driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
  }

  private static ReferenceRequest reference(String secret, String depot, String... purposes) {
    return request(secret, depot, ReferenceAction.REFERENCE, purposes);
  }

  private static Applier applier(String id, String tenant) {
    return Applier.newBuilder()
        .setId(id)
        .setTenants(List.of(tenant))
        .setTags(List.of("roles:id:user", "roles:id:data-dev"))
        .setUseCases(List.of())
        .build();
  }

  private static ReferenceRequest referenceBy(
      Applier applier, String secret, String depot, String... purposes) {
    return ReferenceRequest.newBuilder(reference(secret, depot, purposes))
        .setApplier(applier)
        .build();
  }

  private static ReferenceRequest issuedAt(ReferenceRequest request, long at) {
    return ReferenceRequest.newBuilder(request).setIssuedAt(at).build();
  }

  private static ReferenceRequest release(String secret, String depot) {
    return request(secret, depot, ReferenceAction.RELEASE);
  }

  private static ReferenceRequest request(
      String secret, String depot, ReferenceAction action, String... purposes) {
    return ReferenceRequest.newBuilder()
        .setSecretKey(secret)
        .setDepotKey(depot)
        .setDepotTenant("engineering")
        .setAction(action)
        .setPurposes(List.of(purposes))
        .setRound(7)
        .setIssuedAt(1_700_000_000_000L)
        .build();
  }

  private SecretCommand apply(String key, String acl, Map<String, String> data) {
    String[] parts = key.split("/");
    SecretSpec spec =
        SecretSpec.newBuilder()
            .setName(parts[2])
            .setManifestVersion(acl == null ? "v2alpha" : "v1")
            .setKind(parts[1])
            .setSecretType("key-value")
            .setTenant(parts[0])
            .setOwner("alice")
            .setAcl(acl)
            .setDataKeys(new ArrayList<>(new TreeSet<>(data.keySet())))
            .setFileKeys(new ArrayList<>())
            .setSealed(
                sealer.seal(
                    keyRing.newest(),
                    SecretPayloads.encode(data, Map.of()),
                    SecretDecider.associatedData(key)))
            .build();
    return SecretCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(key)
        .setAction(SecretAction.APPLY)
        .setIssuedBy("alice")
        .setIssuedAt(1_700_000_000_000L)
        .setSpec(spec)
        .build();
  }

  /** The command as {@code user} sends it: issued by them, and an apply's secret owned by them. */
  private static SecretCommand by(String user, SecretCommand command) {
    SecretCommand.Builder builder = SecretCommand.newBuilder(command).setIssuedBy(user);
    if (command.getSpec() != null) {
      builder.setSpec(SecretSpec.newBuilder(command.getSpec()).setOwner(user).build());
    }
    return builder.build();
  }

  private static SecretCommand delete(String key, boolean force) {
    return SecretCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setResourceKey(key)
        .setAction(SecretAction.DELETE)
        .setIssuedBy("alice")
        .setIssuedAt(1_700_000_000_000L)
        .setForce(force)
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
