package io.datadock.local;

import static io.datadock.local.SecretApiIT.firstResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The platform on the official Apache Kafka image instead of the embedded broker: the services and
 * the gateway run in this JVM against a Kafka in Docker. Skipped (not failed) where there is no
 * Docker engine, as on this project's build machines.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT {

  @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

  @TempDir static Path dataDir;
  static Platform platform;
  static Api api;

  @BeforeAll
  static void startPlatformOnTheContainer() {
    platform =
        RunningPlatform.start(
            PlatformOptions.defaults(dataDir).withExternalKafka(KAFKA.getBootstrapServers()));
    api = new Api(platform.gatewayUrl(), RunningPlatform.ADMIN_TOKEN);
  }

  @AfterAll
  static void stopPlatform() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void theServicesRunOnTheContainersKafka() {
    assertThat(platform.bootstrapServers()).isEqualTo(KAFKA.getBootstrapServers());
    assertThat(api.get("/readyz").status()).isEqualTo(200);
  }

  @Test
  void aSecretAndAFileDepotApplyAndBecomeActive(@TempDir Path files) throws Exception {
    JsonObject secret =
        firstResult(api.applyYaml(SecretApiIT.secret("container-cred", "pw-container"), ""));
    assertThat(secret.getString("outcome")).isEqualTo("created");
    assertThat(secret.getString("status")).isEqualTo("active");

    Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
    JsonObject depot =
        firstResult(
            api.applyYaml(
                """
                name: container-files
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
    JsonObject listed = new JsonObject(api.get("/api/v1/resources/depot/container-files").body());
    assertThat(listed.getString("status")).isEqualTo("active");
  }
}
