package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static io.datadock.local.SecretApiIT.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.core.crypto.MissingKeyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State survives a restart on the same data dir: broker log, Streams state and sealing keys. */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void aSecretAppliedBeforeARestartIsFoundAfterItAndStillUnchanged() {
    String version;
    try (Platform first = RunningPlatform.start(dataDir)) {
      Api api = new Api(first.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      version =
          firstResult(api.applyYaml(secret("survivor-cred", "pw-keep"), ""))
              .getString("resourceVersion");
    }
    try (Platform second = RunningPlatform.start(dataDir)) {
      Api api = new Api(second.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      Api.Response got = api.get("/api/v1/resources/secret/survivor-cred");
      assertThat(got.status()).as(got.body()).isEqualTo(200);
      assertThat(new JsonObject(got.body()).getString("resourceVersion")).isEqualTo(version);
      // the same data is still recognised: the key pair survived and opens the stored payload
      JsonObject again = firstResult(api.applyYaml(secret("survivor-cred", "pw-keep"), ""));
      assertThat(again.getString("outcome")).isEqualTo("unchanged");
    }
  }

  @Test
  void aLostKeyDirectoryIsALoudFailureAtStartNotSilentDataLoss() throws Exception {
    try (Platform first = RunningPlatform.start(dataDir)) {
      Api api = new Api(first.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
      firstResult(api.applyYaml(secret("sealed-cred", "pw"), ""));
    }
    Path keys = dataDir.resolve("secret-service").resolve("keys");
    try (Stream<Path> files = Files.walk(keys)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    assertThatThrownBy(() -> Platform.start(PlatformOptions.defaults(dataDir)))
        .isInstanceOf(MissingKeyException.class)
        .hasMessageContaining(keys.toAbsolutePath().toString())
        .hasMessageContaining("cannot be opened");
    assertThat(keys).doesNotExist();
  }
}
