package io.datadock.secret.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.Sealer;
import io.datadock.core.crypto.SecretPayloads;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret side of the depot reference saga: grants, denials, releases and notices. */
class SecretReferenceTopologyTest {

  private static final String PREFIX = "t.";
  private static final String SECRET = "engineering/secret/pg-cred";
  private static final String R_SECRET = "engineering/instance-secret/pgdepot-r";
  private static final String DEPOT = "engineering/depot/pgdepot";
  private static final String OTHER_DEPOT = "engineering/depot/another";

  @TempDir Path tmp;
  private KeyRing keyRing;
  private final Sealer sealer = new Sealer();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SecretCommand> commands;
  private TestInputTopic<String, ReferenceRequest> requests;
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
    requests = input(Topics.SECRET_REFERENCE_REQUESTS);
    replies = output(Topics.SECRET_REFERENCE_REPLIES);
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

    assertThat(replies.isEmpty()).as("a release is not answered").isTrue();
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.DELETED);
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

  private void givenSecret(String key, String acl) {
    commands.pipeInput(key, apply(key, acl, Map.of("username", "u", "password", "p")));
    assertThat(results.readValue().getOutcome()).isEqualTo(Outcome.CREATED);
  }

  private KeyValueStore<String, SecretState> store() {
    return driver.getKeyValueStore(SecretTopology.SECRETS_STORE);
  }

  private static ReferenceRequest reference(String secret, String depot, String... purposes) {
    return request(secret, depot, ReferenceAction.REFERENCE, purposes);
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
