package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform on a Kafka it did not start ({@link PlatformOptions#withExternalKafka}): each
 * subclass provides the Kafka and calls {@link #startPlatform} from its {@code @BeforeAll}.
 */
abstract class OnExternalKafka {

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;
  private static String bootstrapServers;

  static void startPlatform(String bootstrap) {
    bootstrapServers = bootstrap;
    platform =
        RunningPlatform.start(PlatformOptions.defaults(dataDir).withExternalKafka(bootstrap));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
      platform = null;
    }
  }

  @Test
  void theServicesUseThatKafkaAndNoEmbeddedBroker() {
    assertThat(platform.bootstrapServers()).isEqualTo(bootstrapServers);
    assertThat(dataDir.resolve("kafka")).doesNotExist();
    assertThat(api.get("/readyz").status()).isEqualTo(200);
  }

  @Test
  void aSecretAndAFileDepotApplyAndBecomeActive() throws Exception {
    // inside the platform's default file root, <data dir>/files
    Path files = Files.createDirectories(dataDir.resolve("files").resolve("external-files"));
    JsonObject secret =
        firstResult(api.applyYaml(SecretApiIT.secret("external-cred", "pw-external"), ""));
    assertThat(secret.getString("outcome")).isEqualTo("created");
    assertThat(secret.getString("status")).isEqualTo("active");

    Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
    JsonObject depot =
        firstResult(
            api.applyYaml(
                """
                name: external-files
                version: v2alpha
                type: depot
                spec:
                  type: file
                  spec: {path: "%s", format: csv}
                """
                    .formatted(files.toAbsolutePath()),
                "?wait=true"));

    assertThat(depot.getString("outcome")).isEqualTo("created");
    assertThat(depot.getString("status")).as(depot.encode()).isEqualTo("active");
    JsonObject got = new JsonObject(api.get("/api/v1/resources/depot/external-files").body());
    assertThat(got.getString("status")).isEqualTo("active");
  }
}
