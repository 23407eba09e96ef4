package io.datadock.local;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.datadock.core.crypto.KeyRing;
import io.datadock.depot.app.DepotServiceConfig;
import io.datadock.gateway.app.GatewayConfig;
import io.datadock.gateway.app.GatewayServer;
import io.datadock.local.cluster.KafkaClusterProcesses;
import io.datadock.local.cluster.ServiceProcesses;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.runtime.kafka.security.KafkaSetup;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotEvent;
import io.datadock.schemas.depot.DepotEventType;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretEvent;
import io.datadock.schemas.secret.SecretEventType;
import io.datadock.secret.app.SecretServiceConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out without Docker: a 3-node KRaft cluster (RF 3, min ISR 2) and two instances each of
 * secret-service and depot-service, every one its own process started by its production main class
 * from this test's classpath, behind the gateway (in this JVM). A few thousand applies through the
 * HTTP API, one instance of each service killed ({@code kill -9}) half-way through; then every
 * acknowledged command must be on the topics exactly once (read as committed data), listed by the
 * API, and credential resolution must answer through either secret-service instance, for keys owned
 * by the other one, after the survivor took over and again after the killed one came back.
 *
 * <p>The survivors take a killed instance's partitions over only once its session expires (static
 * membership; {@code DATADOCK_SESSION_TIMEOUT_MS} is 10 s here, 45 s by default): until then
 * applies to those partitions time out (504). They were not acknowledged, so they may be stored
 * (once, never twice) or not.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@RunsAlone
class ScaleOutIT {

  private static final int SECRETS = 2000;
  private static final int DEPOT_EVERY = 10; // a file depot after every 10th secret: 200 depots
  private static final int CLIENTS = 16;
  private static final int PARTITIONS = 6;
  private static final short REPLICAS = 3;
  private static final String PREFIX = Topics.DEFAULT_PREFIX;
  private static final String ADMIN_TOKEN = RunningPlatform.ADMIN_TOKEN;
  private static final String SECRET_GROUP = SecretServiceConfig.DEFAULT_APPLICATION_ID;
  private static final String DEPOT_GROUP = DepotServiceConfig.DEFAULT_APPLICATION_ID;

  @TempDir static Path dir;
  static KafkaClusterProcesses kafka;
  static Admin admin;
  static GatewayServer gateway;
  static ServiceProcesses services;
  static Api api;
  static final Map<String, Long> timings = new LinkedHashMap<>();
  static final long started = System.nanoTime();

  @RegisterExtension
  static final TestWatcher TAILS =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          System.err.println(tails());
        }
      };

  @BeforeAll
  static void startClusterServicesAndGateway() throws Exception {
    try {
      long t = System.nanoTime();
      // secured as deployed: SASL_SSL, a principal per service, the ACL file applied
      kafka = KafkaClusterProcesses.startSecured(dir, 3, Duration.ofSeconds(90));
      admin = kafka.admin();
      KafkaSetup.apply(
          kafka.connection(KafkaPrincipal.OPERATOR),
          Settings.empty()
              .with(Setting.DATADOCK_TOPIC_PREFIX, PREFIX)
              .with(Setting.DATADOCK_TOPIC_PARTITIONS, PARTITIONS)
              .with(Setting.DATADOCK_TOPIC_REPLICATION, REPLICAS));
      timings.put("cluster", since(t));

      t = System.nanoTime();
      Path keyDir = dir.resolve("secret-keys");
      // the shared key directory would take the keys of later rotations; both instances mount the
      // same sealing key
      services =
          new ServiceProcesses(
              dir,
              kafka,
              ADMIN_TOKEN,
              Map.of(
                  "DATADOCK_TOPIC_PARTITIONS", String.valueOf(PARTITIONS),
                  "DATADOCK_TOPIC_REPLICATION", String.valueOf(REPLICAS),
                  "DATADOCK_SESSION_TIMEOUT_MS", "10000"));
      Path files = Files.createDirectories(dir.resolve("files"));
      services.startSecretService(1);
      services.startSecretService(2);
      services.startDepotService(1, files);
      services.startDepotService(2, files);
      gateway =
          new GatewayServer(
                  GatewayConfig.embedded(
                      Settings.of(kafka.environment(KafkaPrincipal.GATEWAY))
                          .with(Setting.DATADOCK_ADMIN_TOKEN, ADMIN_TOKEN)
                          .with(Setting.DATADOCK_KEY_TRUST_ANCHOR, services.trustAnchor())
                          .with(Setting.DATADOCK_SECRET_RESOLUTION_URL, services.url("secret-2"))
                          .with(Setting.DATADOCK_TENANT_RATE_LIMIT, 0)),
                  Map.of())
              .start();
      api = new Api("http://localhost:" + gateway.port(), ADMIN_TOKEN);
      gateway.whenReady().get(90, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  services.ids().stream().allMatch(ScaleOutIT::aliveOrFail)
                      && ready("secret-1")
                      && ready("secret-2")
                      && ready("depot-1")
                      && ready("depot-2")
                      && owners(SECRET_GROUP).size() == PARTITIONS
                      && owners(DEPOT_GROUP).size() == PARTITIONS
                      && Set.copyOf(owners(SECRET_GROUP).values()).size() == 2
                      && Set.copyOf(owners(DEPOT_GROUP).values()).size() == 2);
      timings.put("services", since(t));
      assertThat(KeyRing.hasKeys(keyDir)).as("no key made: the mounted one is the first").isFalse();
    } catch (Exception | Error e) {
      System.err.println(tails());
      throw e;
    }
  }

  @AfterAll
  static void stopEverything() {
    timings.put("total", since(started));
    System.out.println("ScaleOutIT timings (ms): " + timings);
    List<AutoCloseable> all = new ArrayList<>();
    all.add(gateway);
    all.add(admin);
    all.add(services);
    all.add(kafka);
    for (AutoCloseable c : all) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        System.err.println("ScaleOutIT: closing " + c + " failed: " + e);
      }
    }
  }

  @Test
  void everyAcknowledgedApplyIsStoredExactlyOnceAcrossKilledInstances() throws Exception {
    // Given: two instances of each service, each owning some partitions
    Map<Integer, String> secretOwnersBefore = owners(SECRET_GROUP);
    assertThat(Set.copyOf(secretOwnersBefore.values())).containsOnly("secret-1", "secret-2");
    assertThat(Set.copyOf(owners(DEPOT_GROUP).values())).containsOnly("depot-1", "depot-2");
    Path files = dir.resolve("files");
    Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
    ApplyLoad load = new ApplyLoad(api, applies(files), CLIENTS);
    try {
      applyAndKillHalfWay(load);
    } finally {
      load.stop();
    }
    System.out.println("ScaleOutIT load: " + load.summary());
    assertThat(load.acknowledgedAfterEvent())
        .as("applies acknowledged after the kill")
        .isPositive();
    assertThat(load.acknowledged()).isGreaterThanOrEqualTo(load.total() * 3 / 4);
    assertThat(load.failures().values())
        .as(
            "the only failure allowed is a timeout while a killed instance's partitions had no owner")
        .allMatch(f -> f.startsWith("504 ") && f.contains("\"timeout\""));

    // Then: the survivor answers for every partition, the killed instance's former ones included
    Map<String, ApplyLoad.Ack> sample = sampleSecretsPerPartition(load, 4);
    assertResolvesThrough("secret-2", sample.values());

    // and once the killed instance is back, each instance answers for keys the other one owns
    long t = System.nanoTime();
    services.restart("secret-1");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                aliveOrFail("secret-1")
                    && ready("secret-1")
                    && owners(SECRET_GROUP).size() == PARTITIONS
                    && Set.copyOf(owners(SECRET_GROUP).values()).size() == 2);
    timings.put("restart", since(t));
    t = System.nanoTime();
    Map<Integer, String> owners = owners(SECRET_GROUP);
    for (String instance : List.of("secret-1", "secret-2")) {
      List<ApplyLoad.Ack> ownedByTheOther =
          sample.values().stream()
              .filter(a -> !owners.get(partition(a.key())).equals(instance))
              .toList();
      assertThat(ownedByTheOther)
          .as("keys owned by the other instance than " + instance)
          .isNotEmpty();
      assertResolvesThrough(instance, sample.values());
    }

    // every acknowledged resource is listed, depots active
    Set<String> listedSecrets = listed("secret").keySet();
    assertThat(listedSecrets).containsAll(load.acknowledgedNames("secret"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              Map<String, String> depots = listed("depot");
              assertThat(depots.keySet()).containsAll(load.acknowledgedNames("depot"));
              assertThat(
                      load.acknowledgedNames("depot").stream()
                          .filter(n -> !"active".equals(depots.get(n)))
                          .toList())
                  .as("depots not active")
                  .isEmpty();
            });

    // and on the topics, as committed data, exactly once
    assertExactlyOnceOnTheTopics(load);
    // each secret is in exactly one instance's active store
    long secretsCreated =
        committed(Topics.SECRET_EVENTS).stream()
            .filter(r -> r.value().getType() == SecretEventType.SECRET_CREATED)
            .count();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> storeEntries("secret-1") + storeEntries("secret-2") == secretsCreated);
    timings.put("verify", since(t));

    // a replay across both secret-service instances rebuilds exactly the same state
    t = System.nanoTime();
    Api.Response replay =
        api.postJson("/api/v1/admin/replay?timeoutSeconds=180", "{\"service\": \"secret\"}");
    assertThat(replay.status()).as(replay.body()).isEqualTo(200);
    JsonObject report = new JsonObject(replay.body());
    assertThat(report.getJsonArray("instances").getList())
        .containsExactlyInAnyOrder("secret-1", "secret-2");
    assertThat(report.getBoolean("equal")).as(report.encode()).isTrue();
    assertThat(report.getJsonObject("after").getLong("entries")).isEqualTo(secretsCreated);
    timings.put("replay", since(t));
  }

  /** 2000 secrets, and a file depot after every 10th: each one document, each a new resource. */
  private static List<ApplyLoad.Apply> applies(Path files) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ApplyLoad.Apply> applies = new ArrayList<>();
    for (int i = 0; i < SECRETS; i++) {
      String name = "scale-secret-" + i;
      String password = "pw-" + run + "-" + i;
      applies.add(
          new ApplyLoad.Apply(
              "secret",
              name,
              """
              name: %s
              version: v2alpha
              type: secret
              secret:
                type: key-value
                data: {username: "user-%d", password: "%s"}
              """
                  .formatted(name, i, password),
              password));
      if (i % DEPOT_EVERY == DEPOT_EVERY - 1) {
        String depot = "scale-files-" + i;
        applies.add(
            new ApplyLoad.Apply(
                "depot",
                depot,
                """
                name: %s
                version: v2alpha
                type: depot
                spec:
                  type: file
                  spec: {path: "%s", format: csv}
                """
                    .formatted(depot, files.toAbsolutePath()),
                null));
      }
    }
    return applies;
  }

  /**
   * Runs the load; when half of it was acknowledged, kills one instance of each service and waits
   * until the survivors own every partition, while the load goes on.
   */
  @Test
  void clientsReachTheBrokersOverTlsOnly() throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (var pem = Files.newInputStream(kafka.caPem().orElseThrow())) {
      trusted.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    for (String broker : kafka.bootstrapServers().split(",")) {
      int colon = broker.lastIndexOf(':');
      try (SSLSocket socket =
          (SSLSocket)
              tls.getSocketFactory()
                  .createSocket(
                      broker.substring(0, colon), Integer.parseInt(broker.substring(colon + 1)))) {
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        socket.setSSLParameters(params);
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).as(broker).startsWith("TLSv1.");
      }
    }
    // the operator's own credentials, without TLS, get no answer
    KafkaConnection operator = kafka.connection(KafkaPrincipal.OPERATOR);
    Map<String, Object> withoutTls = KafkaSettings.admin(operator);
    withoutTls.put("security.protocol", "SASL_PLAINTEXT");
    withoutTls.put("default.api.timeout.ms", 3000);
    withoutTls.put("request.timeout.ms", 1000);
    try (Admin plain = Admin.create(withoutTls)) {
      assertThatThrownBy(() -> plain.listTopics().names().get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }

  private static void applyAndKillHalfWay(ApplyLoad load) throws Exception {
    long t = System.nanoTime();
    load.start();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> load.acknowledged() >= load.total() / 2 || load.done());
    timings.put("load-until-kill", since(t));
    long killedAt = System.nanoTime();
    load.markEvent();
    services.get("secret-1").kill();
    services.get("depot-1").kill();
    // the survivors take the killed instances' partitions over once their sessions expire
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                owners(SECRET_GROUP).equals(allOwnedBy("secret-2"))
                    && owners(DEPOT_GROUP).equals(allOwnedBy("depot-2")));
    timings.put("failover", since(killedAt));
    assertThat(load.awaitDone(Duration.ofSeconds(150))).as("load finished").isTrue();
    timings.put("load", since(t));
  }

  private static void assertExactlyOnceOnTheTopics(ApplyLoad load) {
    List<ConsumerRecord<String, CommandResult>> results = committed(Topics.COMMAND_RESULTS);
    assertThat(duplicates(results.stream().map(ConsumerRecord::key).toList()))
        .as("command ids with more than one committed result")
        .isEmpty();
    Map<String, List<CommandResult>> resultsByResource =
        results.stream()
            .map(ConsumerRecord::value)
            .collect(groupingBy(CommandResult::getResourceKey));
    Map<String, List<SecretEvent>> secretEvents =
        committed(Topics.SECRET_EVENTS).stream()
            .map(ConsumerRecord::value)
            .collect(groupingBy(SecretEvent::getResourceKey));
    Map<String, List<DepotEvent>> depotEvents =
        committed(Topics.DEPOT_EVENTS).stream()
            .map(ConsumerRecord::value)
            .collect(groupingBy(DepotEvent::getResourceKey));
    Map<String, List<ResourceState>> states =
        committed(Topics.RESOURCE_STATE).stream()
            .filter(r -> r.value() != null)
            .map(ConsumerRecord::value)
            .collect(groupingBy(ResourceState::getResourceKey));

    List<String> wrong = new ArrayList<>();
    for (ApplyLoad.Ack ack : load.acks().values()) {
      String acked = ack.key() + " (acknowledged at version " + ack.resourceVersion() + ")";
      List<CommandResult> own = resultsByResource.getOrDefault(ack.key(), List.of());
      if (own.size() != 1
          || own.get(0).getOutcome() != Outcome.CREATED
          || !Long.valueOf(ack.resourceVersion()).equals(own.get(0).getResourceVersion())) {
        wrong.add(acked + " results=" + own);
      }
      List<Long> stateVersions =
          states.getOrDefault(ack.key(), List.of()).stream()
              .map(ResourceState::getResourceVersion)
              .toList();
      if (!duplicates(stateVersions).isEmpty() || stateVersions.isEmpty()) {
        wrong.add(acked + " resource.state versions=" + stateVersions);
      }
      if (ack.apply().kind().equals("secret")) {
        List<SecretEventType> events =
            secretEvents.getOrDefault(ack.key(), List.of()).stream()
                .map(SecretEvent::getType)
                .toList();
        if (!events.equals(List.of(SecretEventType.SECRET_CREATED)) || stateVersions.size() != 1) {
          wrong.add(
              acked + " secret.events=" + events + " resource.state versions=" + stateVersions);
        }
      } else {
        List<DepotEventType> events =
            depotEvents.getOrDefault(ack.key(), List.of()).stream()
                .map(DepotEvent::getType)
                .toList();
        if (!events.equals(List.of(DepotEventType.DEPOT_APPLIED, DepotEventType.DEPOT_ACTIVATED))) {
          wrong.add(acked + " depot.events=" + events);
        }
      }
    }
    // an apply that was not acknowledged (a timeout while its partition had no owner) may still
    // have been applied, but never twice
    for (String key : load.failures().keySet()) {
      if (resultsByResource.getOrDefault(key, List.of()).size() > 1) {
        wrong.add(key + " (not acknowledged) results=" + resultsByResource.get(key));
      }
    }
    assertThat(wrong).as("acknowledged applies not stored exactly once").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Credential resolution through one instance

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Resolves every key through {@code instance} and checks the password. A 5xx or a dropped
   * connection is retried until a deadline (an owner still restoring its store); any other answer
   * is final.
   */
  private static void assertResolvesThrough(String instance, Iterable<ApplyLoad.Ack> secrets) {
    for (ApplyLoad.Ack secret : secrets) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Api.Response r = resolve(instance, secret.key());
                if (r.status() >= 500 || r.status() < 0) {
                  return false;
                }
                assertThat(r.status())
                    .as(instance + " " + secret.key() + " " + r.body())
                    .isEqualTo(200);
                assertThat(new JsonObject(r.body()).getJsonObject("fields").getString("password"))
                    .as(instance + " " + secret.key())
                    .isEqualTo(secret.apply().value());
                return true;
              });
    }
  }

  private static Api.Response resolve(String instance, String key) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(services.url(instance) + "/internal/v1/resolve"))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + services.serviceToken())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("secret", key).put("purpose", "rw").encode()))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Api.Response(-1, e.toString());
    }
  }

  /** Up to {@code perPartition} acknowledged secrets of every partition. */
  private static Map<String, ApplyLoad.Ack> sampleSecretsPerPartition(
      ApplyLoad load, int perPartition) {
    Map<Integer, List<ApplyLoad.Ack>> byPartition =
        load.acks().values().stream()
            .filter(a -> a.apply().kind().equals("secret"))
            .sorted(Comparator.comparing(ApplyLoad.Ack::key))
            .collect(groupingBy(a -> partition(a.key())));
    assertThat(byPartition).hasSize(PARTITIONS);
    Map<String, ApplyLoad.Ack> sample = new LinkedHashMap<>();
    byPartition
        .values()
        .forEach(l -> l.stream().limit(perPartition).forEach(a -> sample.put(a.key(), a)));
    return sample;
  }

  /** The partition of a resource key, as the gateway's producer and Kafka Streams pick it. */
  private static int partition(String key) {
    return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS);
  }

  private static boolean aliveOrFail(String id) {
    services.get(id).assertAlive();
    return true;
  }

  private static boolean ready(String id) {
    return services.ready(id);
  }

  private static long storeEntries(String secretInstance) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(services.url(secretInstance) + "/internal/v1/state/digest"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? new JsonObject(r.body()).getLong("entries") : -1;
  }

  /**
   * Which instance's Streams app owns each partition of the app's command topic (from the group's
   * assignment); partitions without an owner are missing.
   */
  private static Map<Integer, String> owners(String group) throws Exception {
    String commands =
        (group.equals(SECRET_GROUP) ? Topics.SECRET_COMMANDS : Topics.DEPOT_COMMANDS).name(PREFIX);
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
    Map<Integer, String> owners = new TreeMap<>();
    for (MemberDescription member : description.members()) {
      // Streams appends the thread's index to the instance id: secret-1 → secret-1-1
      String instance =
          member.groupInstanceId().map(i -> i.substring(0, i.lastIndexOf('-'))).orElse("?");
      for (TopicPartition tp : member.assignment().topicPartitions()) {
        if (tp.topic().equals(commands)) {
          owners.put(tp.partition(), instance);
        }
      }
    }
    return owners;
  }

  private static Map<Integer, String> allOwnedBy(String instance) {
    Map<Integer, String> all = new TreeMap<>();
    for (int p = 0; p < PARTITIONS; p++) {
      all.put(p, instance);
    }
    return all;
  }

  // ---------------------------------------------------------------------------------------------
  // Reading back

  /** Name → status of every resource of a kind the API lists. */
  private static Map<String, String> listed(String kind) {
    Api.Response r = api.get("/api/v1/resources?type=" + kind);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray items = new JsonObject(r.body()).getJsonArray("items");
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      out.put(items.getJsonObject(i).getString("name"), items.getJsonObject(i).getString("status"));
    }
    return out;
  }

  /** Every committed record of a topic, read from the beginning up to its last stable offset. */
  private static <V> List<ConsumerRecord<String, V>> committed(Topic<String, V> topic) {
    Map<String, Object> config =
        KafkaSettings.committedConsumer(kafka.connection(KafkaPrincipal.OPERATOR), null);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    List<ConsumerRecord<String, V>> out = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            config, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name(PREFIX)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!ends.entrySet().stream()
          .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        assertThat(System.nanoTime())
            .as("read " + topic.baseName() + " in time")
            .isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static <T> Set<T> duplicates(List<T> values) {
    return values.stream().collect(groupingBy(v -> v, counting())).entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static long since(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static String tails() {
    StringBuilder b = new StringBuilder("ScaleOutIT: last lines of every child process\n");
    if (services != null) {
      b.append(services.tails(40));
    }
    if (kafka != null) {
      b.append(kafka.tails(20));
    }
    return b.toString();
  }
}
