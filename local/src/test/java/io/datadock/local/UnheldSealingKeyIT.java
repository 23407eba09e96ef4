package io.datadock.local;

import static io.datadock.local.ForgedSealingKeyIT.announcement;
import static io.datadock.local.ForgedSealingKeyIT.publish;
import static io.datadock.local.SecretApiIT.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datadock.core.crypto.KeyAnnouncements;
import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.RecipientKey;
import io.datadock.core.crypto.SigningKey;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway can seal to a key secret-service does not hold: the key was announced and signed by the
 * trust anchor, but its private half is gone (a lost key directory, a stale view). Given a running
 * platform and such an announcement, when a secret is applied, then the client gets a 409 with the
 * stable code {@code sealing_key_not_held} naming the key id and what to do, not a 500.
 */
class UnheldSealingKeyIT {

  @TempDir Path dataDir;
  @TempDir Path lostKeyDir;

  @Test
  void aSecretSealedToAKeySecretServiceDoesNotHoldIsAConflictNamingTheKey() throws Exception {
    try (Platform platform = RunningPlatform.start(dataDir)) {
      SigningKey anchor = SigningKey.read(dataDir.resolve("secret-service").resolve("signing.key"));
      RecipientKey lost = KeyRing.loadOrCreate(lostKeyDir).newest();
      // whoever can still write secret.keys besides secret-service: the operator's principal
      publish(
          platform.kafka(KafkaPrincipal.OPERATOR),
          List.of(
              KeyAnnouncements.signed(
                  announcement(lost.keyId(), lost, System.currentTimeMillis() + 3_600_000),
                  anchor)));
      Api api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);

      Api.Response[] last = new Api.Response[1];
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                last[0] = api.applyYaml(secret("sealed-to-lost", "pw-1"), "");
                return last[0].status() != 200;
              });

      assertThat(last[0].status()).as(last[0].body()).isEqualTo(409);
      JsonObject error = new JsonObject(last[0].body()).getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("sealing_key_not_held");
      assertThat(error.getString("message")).contains(lost.keyId()).contains("re-apply");
      assertThat(last[0].body()).doesNotContain("pw-1");
    }
  }
}
