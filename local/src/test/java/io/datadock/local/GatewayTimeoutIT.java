package io.datadock.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.SigningKey;
import io.datadock.gateway.app.GatewayConfig;
import io.datadock.gateway.app.GatewayServer;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretKey;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no service to answer, an apply ends in a 504 with a clear message, never a hang. */
class GatewayTimeoutIT {

  @TempDir Path dataDir;

  @Test
  void anApplyWithoutAServiceAnsweringIs504AfterTheConfiguredTimeout() throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0)) {
      TopicProvisioner.ensureTopics(
          KafkaConnection.plain(broker.bootstrapServers()), Topics.DEFAULT_PREFIX, 2, (short) 1);
      SigningKey signing = SigningKey.generate();
      publishKey(
          broker.bootstrapServers(),
          KeyRing.loadOrCreate(dataDir.resolve("keys")).newest(),
          signing);
      GatewayConfig config =
          GatewayConfig.embedded(
              Settings.empty()
                  .with(Setting.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers())
                  .with(Setting.DATADOCK_ADMIN_TOKEN, "timeout-token")
                  .with(Setting.DATADOCK_KEY_TRUST_ANCHOR, signing.fingerprint())
                  .with(Setting.DATADOCK_REPLY_TIMEOUT_MS, 700));
      try (GatewayServer gateway = new GatewayServer(config, Map.of()).start()) {
        await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
        Api api = new Api("http://localhost:" + gateway.port(), "timeout-token");

        Instant before = Instant.now();
        Api.Response response = api.applyYaml(SecretApiIT.secret("nobody-home", "pw"), "");

        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(response.status()).as(response.body()).isEqualTo(504);
        JsonObject error = new JsonObject(response.body()).getJsonObject("error");
        assertThat(error.getString("code")).isEqualTo("timeout");
        assertThat(error.getString("message")).contains("no reply").contains("700 ms");
      }
    }
  }

  private static void publishKey(String bootstrap, RecipientKey key, SigningKey signing)
      throws Exception {
    var topic = Topics.SECRET_KEYS;
    try (KafkaProducer<String, SecretKey> producer =
        new KafkaProducer<>(
            KafkaSettings.producer(KafkaConnection.plain(bootstrap), "test-keys"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      SecretKey record =
          SecretKey.newBuilder()
              .setKeyId(key.keyId())
              .setAlgorithm("HPKE-X25519-HKDF-SHA256-AES256GCM")
              .setPublicKey(ByteBuffer.wrap(key.publicKey()))
              .setState(KeyState.ACTIVE)
              .setCreatedAt(key.createdAt())
              .build();
      producer
          .send(
              new ProducerRecord<>(
                  topic.name(Topics.DEFAULT_PREFIX),
                  key.keyId(),
                  KeyAnnouncements.signed(record, signing)))
          .get();
    }
  }
}
