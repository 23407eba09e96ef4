package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.replay.ReplayException;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.runtime.replay.ControlMessage;
import io.datadock.runtime.replay.ControlTopic;
import io.datadock.runtime.replay.ReplayAgent;
import io.datadock.runtime.replay.ReplayTarget;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.replay.Replayable;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.control.ReplayControl;
import io.datadock.schemas.control.ReplayPhase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/admin/replay}: a service rebuilds its state from its input topics while the
 * rest of the platform runs; its digest after equals its digest before, nothing it had already sent
 * is sent again, and it keeps working afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

  /**
   * Short, so that a command sent while depot-service is stopped for a replay outwaits it unless
   * the gateway holds it for the replay.
   */
  static final Duration REPLY_TIMEOUT = Duration.ofMillis(1500);

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;
  static Admin admin;

  /** Everything the replayed services write: none of it may grow during a replay. */
  static final List<Topic<String, ?>> OUTPUTS =
      List.of(
          Topics.DEPOT_EVENTS,
          Topics.SECRET_EVENTS,
          Topics.RESOURCE_STATE,
          Topics.COMMAND_RESULTS,
          Topics.SECRET_COMMANDS, // secret-service copies reference requests onto it
          Topics.SECRET_REFERENCE_REQUESTS,
          Topics.DEPOT_COMMANDS, // replies and check results go onto it
          Topics.DEPOT_VALIDATION_REQUESTS,
          Topics.CATALOG_DATASETS,
          Topics.CATALOG_EVENTS);

  @BeforeAll
  static void start() throws Exception {
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir.resolve("platform")).withReplyTimeout(REPLY_TIMEOUT));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
    admin = Admin.create(KafkaSettings.admin(platform.kafka(KafkaPrincipal.OPERATOR)));
    // the platform's default file root, <data dir>/files
    Path files = Files.createDirectories(dataDir.resolve("platform").resolve("files"));
    Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
    for (int i = 0; i < 5; i++) {
      assertThat(api.applyYaml(SecretApiIT.secret("replay-" + i, "pw-" + i), "").status())
          .isEqualTo(200);
    }
    // the saga with a secret and a check that reads a local directory: no network
    Path sales = Files.createDirectories(files.resolve("sales"));
    applyActive(TestManifests.filesDepotWithSecrets("replay-sales", sales, "replay-1"));
    String filesDepot =
        """
        name: replay-files
        version: v2alpha
        type: depot
        spec:
          type: file
          spec: {path: "%s"}
        """
            .formatted(files.toAbsolutePath());
    applyActive(filesDepot);
    awaitCataloged();
    // Deleted and applied again: the catalog was emptied and refilled, which a replay must not
    // act out again.
    assertThat(api.delete("/api/v1/resources/depot/replay-files").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !api.get("/api/v1/datasets?depot=replay-files").body().contains("orders"));
    applyActive(filesDepot);
    // A depot whose secret does not exist: an error state must be rebuilt too.
    api.applyYaml(
        TestManifests.filesDepotWithSecrets("replay-broken", files, "no-such-secret"),
        "?wait=true");
    // A depot that dropped a secret, then was deleted: each answered once its releases were
    // acknowledged, which the rebuilt state must not remember as still awaited.
    Path empty = Files.createDirectories(files.resolve("gone"));
    applyActive(TestManifests.filesDepotWithSecrets("replay-gone", empty, "replay-0", "replay-3"));
    applyActive(TestManifests.filesDepotWithSecrets("replay-gone", empty, "replay-0"));
    assertThat(api.delete("/api/v1/resources/depot/replay-gone").status()).isEqualTo(200);
    // Changes after the first apply: versions, dependents and a delete are rebuilt as they were.
    api.applyYaml(SecretApiIT.secret("replay-2", "pw-2-changed"), "");
    api.delete("/api/v1/resources/secret/replay-4");
    awaitCataloged();
    awaitScannerIdle();
  }

  /**
   * Every scan the setup asked for is done and written (the scanner commits a record's offset only
   * then), so that no output grows during a replay for reasons of its own.
   */
  private static void awaitScannerIdle() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Map<String, Long> committed = new TreeMap<>();
              admin
                  .listConsumerGroupOffsets(ReplayTargets.SCANNER_GROUP)
                  .partitionsToOffsetAndMetadata()
                  .get()
                  .forEach((tp, offset) -> committed.put(tp.toString(), offset.offset()));
              return afterLastRecord(Topics.DEPOT_EVENTS).entrySet().stream()
                  .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
            });
  }

  /**
   * By partition, the offset after its last committed record: where a consumer that processed
   * everything commits (transaction markers and aborted records do not count).
   */
  private static Map<String, Long> afterLastRecord(Topic<?, ?> topic) {
    Map<String, Object> config = KafkaSettings.admin(platform.kafka(KafkaPrincipal.OPERATOR));
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      String name = topic.name(Topics.DEFAULT_PREFIX);
      List<TopicPartition> partitions =
          consumer.partitionsFor(name).stream()
              .map(p -> new TopicPartition(name, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<String, Long> after = new TreeMap<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer
            .poll(Duration.ofMillis(100))
            .forEach(
                r ->
                    after.put(
                        new TopicPartition(r.topic(), r.partition()).toString(), r.offset() + 1));
      }
      return after;
    }
  }

  private static void awaitCataloged() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/api/v1/datasets?depot=replay-files").body().contains("orders"));
  }

  private static void applyActive(String yaml) {
    Api.Response response = api.applyYaml(yaml, "?wait=true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"active\"");
  }

  @AfterAll
  static void stop() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(Integer.MAX_VALUE - 1) // it applies more afterwards, which the other tests would count
  void depotServiceRebuildsToTheSameDigestWithoutSendingAnythingAgain() throws Exception {
    JsonObject report = replayUnchanged("depot");
    assertThat(report.getJsonObject("before").getLong("entries")).isEqualTo(3);
    assertThat(digestNow("depot-service")).isEqualTo(report.getJsonObject("after"));

    // It keeps working: a new depot referencing a secret still goes through the whole saga.
    Path after =
        Files.createDirectories(dataDir.resolve("platform").resolve("files").resolve("after"));
    applyActive(TestManifests.filesDepotWithSecrets("replay-after", after, "replay-3"));
    assertThat(api.delete("/api/v1/resources/depot/replay-after").status()).isEqualTo(200);
  }

  /**
   * A client applying depots all along: the rebuilt instance goes past the boundary before the
   * coordinator asks for its digest, and the report still compares the state at the boundary. Each
   * apply sent while depot-service was stopped is answered once it is rebuilt: the gateway holds
   * its reply deadline for the replay rather than answering 504 after the reply timeout.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aReplayWhileClientsKeepWritingComparesTheStateAtTheBoundaryAndAnswersEveryApply()
      throws Exception {
    Path empty = Files.createDirectories(dataDir.resolve("platform/files/load"));
    List<Api.Response> answers = new CopyOnWriteArrayList<>();
    AtomicBoolean load = new AtomicBoolean(true);
    Thread client =
        new Thread(
            () -> {
              for (int i = 0; load.get(); i++) {
                answers.add(
                    api.applyYaml(
                        TestManifests.filesDepotWithSecrets("replay-load-" + i, empty), ""));
              }
            },
            "replay-load");
    client.start();
    JsonObject report;
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> answers.size() >= 2);
      Api.Response response =
          api.postJson("/api/v1/admin/replay?timeoutSeconds=120", "{\"service\":\"depot\"}");
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      report = new JsonObject(response.body());
    } finally {
      load.set(false);
      client.join(Duration.ofSeconds(90).toMillis());
    }

    assertThat(report.getJsonObject("after")).isEqualTo(report.getJsonObject("before"));
    assertThat(report.getBoolean("equal")).isTrue();
    assertThat(report.getJsonObject("after").getLong("entries"))
        .as("the depots before, not those applied meanwhile")
        .isLessThan(digestNow("depot-service").getLong("entries"));
    assertThat(answers.stream().filter(a -> a.status() != 200).toList())
        .as("applies not answered 200 (of %d)", answers.size())
        .isEmpty();
  }

  /**
   * The hold, made certain: the coordinator's steps written by hand stop depot-service for longer
   * than the reply timeout (REQUESTED), then call the replay off (FAILED), on which it resumes
   * where it was. An apply sent while it is stopped is answered once it resumes, not with a 504.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aCommandSentWhileItsServiceIsStoppedForAReplayIsAnsweredWhenItResumes() throws Exception {
    String replayId = "r-held-" + System.nanoTime();
    BlockingQueue<ReplayControl> answers = new LinkedBlockingQueue<>();
    try (ControlTopic control =
            new ControlTopic(
                platform.kafka(KafkaPrincipal.OPERATOR), Topics.DEFAULT_PREFIX, "replay-it-steps");
        TopicTail<String, ReplayControl> tail = control.followAnswers(answers::add).start()) {
      tail.caughtUp().get(30, TimeUnit.SECONDS);
      control.send(
          ReplayTargets.DEPOT,
          ControlMessage.step(replayId, ReplayPhase.REQUESTED, Map.of(), null),
          System.currentTimeMillis());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  answers.stream()
                      .anyMatch(
                          a ->
                              a.getReplayId().equals(replayId)
                                  && a.getPhase() == ReplayPhase.STOPPED));

      Path empty = Files.createDirectories(dataDir.resolve("platform/files/held"));
      CompletableFuture<Api.Response> apply =
          CompletableFuture.supplyAsync(
              () -> api.applyYaml(TestManifests.filesDepotWithSecrets("replay-held", empty), ""));
      await("the apply, unanswered while depot-service is stopped")
          .during(REPLY_TIMEOUT.multipliedBy(2))
          .atMost(REPLY_TIMEOUT.multipliedBy(2).plusSeconds(10))
          .until(() -> !apply.isDone());
      control.send(
          ReplayTargets.DEPOT,
          ControlMessage.step(replayId, ReplayPhase.FAILED, Map.of(), "called off by ReplayIT"),
          System.currentTimeMillis());

      Api.Response answer = apply.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("\"outcome\":\"created\"");
    }
  }

  @Test
  void secretServiceRebuildsToTheSameDigestAndStillResolves() throws Exception {
    JsonObject report = replayUnchanged("secret");
    // replay-4 was deleted; replay-1 still records its dependent depot.
    assertThat(report.getJsonObject("before").getLong("entries")).isEqualTo(4);
    assertThat(digestNow("secret-service")).isEqualTo(report.getJsonObject("after"));
    Api.Response blocked = api.delete("/api/v1/resources/secret/replay-1");
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.body()).contains("replay-sales");
  }

  @Test
  void theScannerRescansEveryDepotToTheSameCatalog() throws Exception {
    // A rescan is recorded as a scan run on catalog.events; the catalog itself does not change.
    JsonObject report = replayUnchanged("scanner", Topics.CATALOG_EVENTS);
    assertThat(report.getJsonObject("before").getLong("entries")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedNamingTheProblem() {
    Api.Response unknown = api.postJson("/api/v1/admin/replay", "{\"service\":\"gateway\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(new JsonObject(unknown.body()).getJsonObject("error").getString("field"))
        .isEqualTo("service");
    assertThat(unknown.body()).contains("depot, scanner, secret");

    Api.Response missing = api.postJson("/api/v1/admin/replay", "{}");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body()).contains("service is required");

    Api.Response notJson = api.postJson("/api/v1/admin/replay", "[1,2]");
    assertThat(notJson.status()).isEqualTo(400);

    Api.Response badTimeout =
        api.postJson("/api/v1/admin/replay?timeoutSeconds=0", "{\"service\":\"depot\"}");
    assertThat(badTimeout.status()).isEqualTo(422);
    assertThat(badTimeout.body()).contains("timeoutSeconds");

    Api.Response anonymous =
        api.withToken(null).postJson("/api/v1/admin/replay", "{\"service\":\"depot\"}");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void aServiceWithNoRunningInstanceOrOneThatDoesNotAnswerIsNotReset() throws Exception {
    String group = "replay-it-group-" + System.nanoTime();
    try (ReplayCoordinator coordinator =
        new ReplayCoordinator(
            platform.kafka(KafkaPrincipal.OPERATOR),
            Topics.DEFAULT_PREFIX,
            Map.of("ghost", new ReplayTarget(group, true)))) {
      assertThatThrownBy(() -> coordinator.replay("ghost", Duration.ofSeconds(5)))
          .isInstanceOfSatisfying(
              ReplayException.class,
              e -> assertThat(e.reason()).isEqualTo(ReplayException.Reason.NOT_RUNNING));

      // A group member that is no Datadock service never answers: the replay is called off
      // before anything is reset, and the group is left as it was.
      try (TopicRecorder<?> member =
          new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.AUDIT, group)) {
        // the group exists only once the member has joined: until then describing it fails
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> members(group) > 0);
        assertThatThrownBy(() -> coordinator.replay("ghost", Duration.ofSeconds(3)))
            .isInstanceOfSatisfying(
                ReplayException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(ReplayException.Reason.TIMEOUT);
                  assertThat(e.getMessage()).contains("did not stop in time");
                });
        assertThat(members(group)).isPositive();
      }
    }
  }

  @Test
  void anInstanceThatCannotStopSaysSoAndCarriesOn() throws Exception {
    String group = "replay-it-flaky-" + System.nanoTime();
    java.util.concurrent.atomic.AtomicBoolean unpaused =
        new java.util.concurrent.atomic.AtomicBoolean();
    Replayable cannotStop =
        new Replayable() {
          @Override
          public Map<Integer, StateDigest> pauseAndDigest() {
            throw new IllegalStateException("store not readable");
          }

          @Override
          public void unpause() {
            unpaused.set(true);
          }

          @Override
          public void leave() {
            throw new AssertionError("must not leave");
          }

          @Override
          public void restart(boolean rebuild, Map<String, Long> boundary) {
            throw new AssertionError("must not restart");
          }

          @Override
          public Map<Integer, StateDigest> digest() {
            return Map.of();
          }
        };
    try (ReplayAgent agent =
            new ReplayAgent(
                platform.kafka(KafkaPrincipal.OPERATOR),
                Topics.DEFAULT_PREFIX,
                "flaky",
                "flaky-1",
                cannotStop,
                Duration.ofMinutes(2));
        ReplayCoordinator coordinator =
            new ReplayCoordinator(
                platform.kafka(KafkaPrincipal.OPERATOR),
                Topics.DEFAULT_PREFIX,
                Map.of("flaky", new ReplayTarget(group, true)));
        TopicRecorder<?> member =
            new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.AUDIT, group)) {
      agent.start().get(30, java.util.concurrent.TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> members(group) > 0);
      assertThatThrownBy(() -> coordinator.replay("flaky", Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(
              ReplayException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(ReplayException.Reason.FAILED);
                assertThat(e.getMessage()).contains("flaky-1").contains("store not readable");
              });
      assertThat(unpaused).isTrue();
    }
  }

  private static int members(String group) throws Exception {
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
  }

  private JsonObject replayUnchanged(String service, Topic<?, ?>... mayGrow) throws Exception {
    List<String> excluded =
        java.util.Arrays.stream(mayGrow).map(t -> t.name(Topics.DEFAULT_PREFIX) + "-").toList();
    Map<String, Long> outputsBefore = endOffsets();
    outputsBefore.keySet().removeIf(tp -> excluded.stream().anyMatch(tp::startsWith));
    Api.Response response =
        api.postJson(
            "/api/v1/admin/replay?timeoutSeconds=120", "{\"service\":\"" + service + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject report = new JsonObject(response.body());
    assertThat(report.getString("service")).isEqualTo(service);
    assertThat(report.getJsonArray("instances").getList()).containsExactly("local");
    assertThat(report.getJsonObject("after")).isEqualTo(report.getJsonObject("before"));
    assertThat(report.getBoolean("equal")).isTrue();
    Map<String, Long> outputsAfter = endOffsets();
    outputsAfter.keySet().removeIf(tp -> excluded.stream().anyMatch(tp::startsWith));
    assertThat(outputsAfter).as("records written during the replay").isEqualTo(outputsBefore);
    return report;
  }

  private static JsonObject digestNow(String service) throws Exception {
    return StateDigestIT.digest(platform.stateDigestUrls().get(service));
  }

  /**
   * Every output partition's end offset once no transaction is open on it (its last stable offset
   * is its end): a commit marker of an earlier command would otherwise move it during a replay.
   */
  private static Map<String, Long> endOffsets() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(ReplayIT::stableEndOffsets, java.util.Objects::nonNull);
  }

  private static Map<String, Long> stableEndOffsets() throws Exception {
    Map<String, Long> latest = offsets(OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
    Map<String, Long> stable = offsets(OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
    return latest.equals(stable) ? latest : null;
  }

  private static Map<String, Long> offsets(OffsetSpec spec, IsolationLevel isolation)
      throws Exception {
    List<String> names = OUTPUTS.stream().map(t -> t.name(Topics.DEFAULT_PREFIX)).toList();
    Map<TopicPartition, OffsetSpec> request =
        admin.describeTopics(names).allTopicNames().get().values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toMap(tp -> tp, tp -> spec));
    Map<String, Long> ends = new TreeMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(isolation))
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp.toString(), info.offset()));
    return ends;
  }
}
