package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.datadock.core.identity.ApiKeys;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.GrantKeys;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.ApiKey;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.resource.ResourceState;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A read shows every change written to {@code resource.state} before it, whichever process wrote
 * it: here a producer of the test's stands in for the service behind another gateway, which
 * answered its client once its own view held the change. Before reads waited for their view to
 * reach the topic's end, a read right after showed the version before (the million-apply soak found
 * 2 in 1.1 million operations, across gateways). Likewise a key issued by another gateway works at
 * once.
 */
class ReadAfterWriteIT extends PlatformIT {

  private static final String KEY = "default/secret/read-after-write";
  private static final int CHANGES = 200;

  @Test
  void aReadShowsEveryChangeWrittenBeforeIt() throws Exception {
    try (KafkaProducer<String, ResourceState> producer =
        writer(Topics.RESOURCE_STATE, "read-after-write")) {
      for (long version = 1; version <= CHANGES; version++) {
        write(producer, Topics.RESOURCE_STATE, KEY, state(version));

        Api.Response read = api.get("/api/v1/resources/secret/read-after-write");

        assertThat(read.status())
            .as("read after change %d: %s", version, read.body())
            .isEqualTo(200);
        assertThat(new JsonObject(read.body()).getString("resourceVersion"))
            .as("read after change %d", version)
            .isEqualTo(String.valueOf(version));
      }
      assertThat(api.get("/api/v1/resources?type=secret&all=true").body())
          .contains("\"resourceVersion\":\"" + CHANGES + "\"");
    }
  }

  /**
   * The same across gateways for API keys: a key another gateway issued a moment ago (here written
   * to {@code identity.apikeys} by the test) works on this one at once. Before, a client that
   * issued a key and used it right away behind a load balancer could be answered 401.
   */
  @Test
  void aKeyIssuedByAnotherGatewayWorksAtOnce() throws Exception {
    user("keyed");
    try (KafkaProducer<String, ApiKey> producer =
        writer(Topics.IDENTITY_API_KEYS, "keys-elsewhere")) {
      for (int i = 1; i <= CHANGES; i++) {
        ApiKeys.Issued issued = ApiKeys.issue();
        write(producer, Topics.IDENTITY_API_KEYS, issued.keyId(), key(issued, "keyed"));

        Api.Response me = api.withToken(issued.token()).get("/api/v1/users/me");

        assertThat(me.status()).as("key %d: %s", i, me.body()).isEqualTo(200);
      }
    }
    Api.Response unknown = api.withToken(ApiKeys.issue().token()).get("/api/v1/users/me");
    assertThat(unknown.status()).isEqualTo(401);
    Api.Response unknownSignIn =
        api.postJson("/api/v1/session", "{\"token\": \"" + ApiKeys.issue().token() + "\"}");
    assertThat(unknownSignIn.status()).isEqualTo(401);
  }

  /** The console's sign-in likewise, with a key another gateway issued a moment ago. */
  @Test
  void aKeyIssuedByAnotherGatewaySignsInToTheConsoleAtOnce() throws Exception {
    user("signer");
    try (KafkaProducer<String, ApiKey> producer = writer(Topics.IDENTITY_API_KEYS, "sign-in")) {
      for (int i = 1; i <= CHANGES / 2; i++) {
        ApiKeys.Issued issued = ApiKeys.issue();
        write(producer, Topics.IDENTITY_API_KEYS, issued.keyId(), key(issued, "signer"));

        Api.Response signedIn =
            api.postJson("/api/v1/session", "{\"token\": \"" + issued.token() + "\"}");

        assertThat(signedIn.status()).as("key %d: %s", i, signedIn.body()).isEqualTo(200);
      }
    }
  }

  /** And for the identity lists: a grant another gateway has just answered for is listed here. */
  @Test
  void aGrantGivenOnAnotherGatewayIsListedAtOnce() throws Exception {
    try (KafkaProducer<String, ReferenceGrant> producer =
        writer(Topics.IDENTITY_GRANTS, "grants-elsewhere")) {
      for (int i = 1; i <= CHANGES; i++) {
        ReferenceGrant grant =
            ReferenceGrant.newBuilder()
                .setOwner("default")
                .setGrantee("tenant-" + i)
                .setSecret("listed")
                .setCreatedBy("admin")
                .setCreatedAt(System.currentTimeMillis())
                .build();
        write(producer, Topics.IDENTITY_GRANTS, GrantKeys.of(grant), grant);

        Api.Response listed = api.get("/api/v1/tenants/default/grants");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).as("grant %d", i).contains("\"tenant\":\"tenant-" + i + "\"");
      }
    }
  }

  /** A user of tenant {@code default} with no rights but their own. */
  private static void user(String id) {
    Api.Response created =
        api.postJson(
            "/api/v1/users",
            ("{\"id\": \"%s\", \"name\": \"%s\", \"type\": \"person\", \"tenants\":"
                    + " [\"default\"], \"tags\": [\"roles:id:user\"], \"useCases\": []}")
                .formatted(id, id));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** The record another gateway writes when it issues a key. */
  private static ApiKey key(ApiKeys.Issued issued, String userId) {
    return ApiKey.newBuilder()
        .setKeyId(issued.keyId())
        .setUserId(userId)
        .setHash(issued.hash())
        .setCreatedAt(System.currentTimeMillis())
        .build();
  }

  /** A producer standing in for another gateway or a service behind it. */
  private static <V> KafkaProducer<String, V> writer(Topic<String, V> topic, String clientId) {
    return new KafkaProducer<>(
        KafkaSettings.producer(platform.kafka(KafkaPrincipal.OPERATOR), clientId),
        topic.keySerde().serializer(),
        topic.valueSerde().serializer());
  }

  /** Written and acknowledged, as the other gateway's answer would have been. */
  private static <V> void write(
      KafkaProducer<String, V> producer, Topic<String, V> topic, String key, V value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic.name(Topics.DEFAULT_PREFIX), key, value)).get();
  }

  private static ResourceState state(long version) {
    return ResourceState.newBuilder()
        .setResourceKey(KEY)
        .setKind("secret")
        .setName("read-after-write")
        .setManifestVersion("v2alpha")
        .setTenant("default")
        .setOwner("admin")
        .setLayer("user")
        .setStatus("active")
        .setResourceVersion(version)
        .setGeneration(version)
        .setCreatedAt(1_700_000_000_000L)
        .setUpdatedAt(1_700_000_000_000L + version)
        .setSpec("{\"data\": {\"password\": \"***\"}}")
        .build();
  }
}
