package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static io.datadock.local.SecretApiIT.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.SigningKey;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.KeyState;
import io.datadock.schemas.secret.SecretCommand;
import io.datadock.schemas.secret.SecretKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone who can write {@code secret.keys} can announce a newer ACTIVE key of their own. Given a
 * running platform, when a raw producer writes an unsigned announcement and one signed by a key the
 * gateway does not trust, then new secrets are still sealed to secret-service's real key (as the
 * sealed payload on {@code secret.commands} names it) and the gateway counts both rejections.
 */
class ForgedSealingKeyIT {

  @TempDir Path dataDir;
  @TempDir Path attackerDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void forgedKeyAnnouncementsDoNotChangeWhatTheGatewaySealsTo() throws Exception {
    try (Platform platform = RunningPlatform.start(dataDir);
        TopicRecorder<SpecificRecord> commands =
            new TopicRecorder<>(platform.kafka(KafkaPrincipal.OPERATOR), Topics.SECRET_COMMANDS)) {
      Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      firstResult(api.applyYaml(secret("before-forgery", "pw-1"), ""));
      String realKeyId = sealedKeyIdOf(commands, "before-forgery");

      RecipientKey attackers = KeyRing.loadOrCreate(attackerDir).newest();
      long later = System.currentTimeMillis() + 3_600_000;
      // the ACLs keep every service but secret-service off secret.keys (KafkaAclIT); this is
      // whoever can still write it: the operator's principal
      publish(
          platform.kafka(KafkaPrincipal.OPERATOR),
          List.of(
              announcement("forged-unsigned", attackers, later),
              KeyAnnouncements.signed(
                  announcement("forged-signed", attackers, later + 1), SigningKey.generate())));
      String gatewayMetrics = platform.metricsUrls().get("gateway");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  rejected(gatewayMetrics, "unsigned") >= 1
                      && rejected(gatewayMetrics, "untrusted_signer") >= 1);

      firstResult(api.applyYaml(secret("after-forgery", "pw-2"), ""));

      assertThat(sealedKeyIdOf(commands, "after-forgery"))
          .isEqualTo(realKeyId)
          .isNotIn("forged-unsigned", "forged-signed");
    }
  }

  private static String sealedKeyIdOf(TopicRecorder<SpecificRecord> commands, String name) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !commandsFor(commands, name).isEmpty());
    return commandsFor(commands, name).get(0).getSpec().getSealed().getKeyId();
  }

  /** The secret's commands: secret.commands also carries the reference requests copied there. */
  private static List<SecretCommand> commandsFor(
      TopicRecorder<SpecificRecord> commands, String name) {
    return commands
        .values(
            r ->
                r.value() instanceof SecretCommand c
                    && c.getSpec() != null
                    && c.getSpec().getName().equals(name))
        .stream()
        .map(SecretCommand.class::cast)
        .toList();
  }

  static SecretKey announcement(String keyId, RecipientKey key, long createdAt) {
    return SecretKey.newBuilder()
        .setKeyId(keyId)
        .setAlgorithm("HPKE-X25519-HKDF-SHA256-AES256GCM")
        .setPublicKey(ByteBuffer.wrap(key.publicKey()))
        .setState(KeyState.ACTIVE)
        .setCreatedAt(createdAt)
        .build();
  }

  /** Writes the announcements to {@code secret.keys} as anyone with write access could. */
  static void publish(KafkaConnection kafka, List<SecretKey> announcements) throws Exception {
    var topic = Topics.SECRET_KEYS;
    try (KafkaProducer<String, SecretKey> producer =
        new KafkaProducer<>(
            KafkaSettings.producer(kafka, "forger"),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (SecretKey announcement : announcements) {
        producer
            .send(
                new ProducerRecord<>(
                    topic.name(Topics.DEFAULT_PREFIX), announcement.getKeyId(), announcement))
            .get();
      }
    }
  }

  /** The gateway's count of announcements rejected for {@code reason}, 0 before the first. */
  private double rejected(String metricsUrl, String reason) throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m =
        Pattern.compile(
                "datadock_keys_announcements_rejected_total\\{[^}]*reason=\""
                    + reason
                    + "\"[^}]*\\} (\\S+)")
            .matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
