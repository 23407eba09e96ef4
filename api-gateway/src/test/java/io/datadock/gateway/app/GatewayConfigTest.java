package io.datadock.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.replay.ReplayTarget;
import io.datadock.runtime.replay.ReplayTargets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's configuration is read once, from the map {@code main} passes in. */
class GatewayConfigTest {

  private static final String ANCHOR = "sha256:" + "ab".repeat(32);

  @Test
  void theEnvironmentConfiguresEverythingIncludingTheReplayTargets() {
    GatewayConfig config =
        fromEnv(
            Map.of(
                "DATADOCK_ADMIN_TOKEN", "t0ken",
                "DATADOCK_GATEWAY_PORT", "18080",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092",
                "DATADOCK_REPLY_TIMEOUT_MS", "2500",
                "DATADOCK_TENANT_RATE_LIMIT", "0",
                "DATADOCK_DEPOT_APPLICATION_ID", "depots-blue",
                "DATADOCK_SCANNER_GROUP", "scanner-blue"));

    assertThat(config.port()).isEqualTo(18080);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(config.replyTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.tenantRequestsPerSecond()).isZero();
    assertThat(config.replayTargets())
        .containsEntry(ReplayTargets.DEPOT, new ReplayTarget("depots-blue", true))
        .containsEntry(ReplayTargets.SCANNER, new ReplayTarget("scanner-blue", false))
        .containsEntry(ReplayTargets.SECRET, new ReplayTarget(ReplayTargets.SECRET_GROUP, true));
  }

  @Test
  void theEmbeddedDefaultsReplayTheServicesByTheirDefaultGroups() {
    GatewayConfig config =
        GatewayConfig.embedded(
            Settings.of(
                Map.of("DATADOCK_ADMIN_TOKEN", "t0ken", "DATADOCK_KEY_TRUST_ANCHOR", ANCHOR)));

    assertThat(config.replayTargets()).isEqualTo(ReplayTargets.defaults());
    assertThat(
            fromEnv(Map.of("DATADOCK_ADMIN_TOKEN", "t0ken", "DATADOCK_TENANT_RATE_LIMIT", "5"))
                .replayTargets())
        .isEqualTo(config.replayTargets());
    assertThat(config.port()).isZero();
    assertThat(config.metricsPort()).isZero();
  }

  @Test
  void aBadValueIsAMessageNamingTheVariable() {
    assertThatThrownBy(
            () ->
                fromEnv(
                    Map.of("DATADOCK_ADMIN_TOKEN", "t0ken", "DATADOCK_TENANT_RATE_LIMIT", "abc")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("DATADOCK_TENANT_RATE_LIMIT: not a number: \"abc\"");
    assertThatThrownBy(
            () -> fromEnv(Map.of("DATADOCK_ADMIN_TOKEN", "t0ken", "DATADOCK_REPLY_MODE", "FAST")))
        .hasMessage("DATADOCK_REPLY_MODE: not one of SERVICE, BROKER_ACK: \"FAST\"");
  }

  @Test
  void theStandaloneDefaultsAreTheDocumentedOnes() {
    GatewayConfig config = fromEnv(Map.of("DATADOCK_ADMIN_TOKEN", "t0ken"));

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.metricsPort()).isEqualTo(9402);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.topicPrefix()).isEqualTo("datadock.");
    assertThat(config.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(config.httpInstances()).isEqualTo(2);
    assertThat(config.replyMode()).isEqualTo(GatewayConfig.ReplyMode.SERVICE);
    assertThat(config.resolutionUrl()).isNull();
    assertThat(config.tenantRequestsPerSecond()).isEqualTo(1000);
    assertThat(config.topics().partitions()).isEqualTo(6);
  }

  @Test
  void aStandaloneGatewayNeedsAnAdminToken() {
    assertThatThrownBy(() -> fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATADOCK_ADMIN_TOKEN");
  }

  @Test
  void aGatewayTrustsTheSealingKeysOfTheConfiguredSignerOnly() {
    assertThat(fromEnv(Map.of("DATADOCK_ADMIN_TOKEN", "t0ken")).keyTrustAnchor().fingerprint())
        .isEqualTo(ANCHOR);
    assertThatThrownBy(
            () -> GatewayConfig.from(Settings.of(Map.of("DATADOCK_ADMIN_TOKEN", "t0ken"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DATADOCK_KEY_TRUST_ANCHOR: required");
    assertThatThrownBy(
            () ->
                fromEnv(
                    Map.of(
                        "DATADOCK_ADMIN_TOKEN", "t0ken", "DATADOCK_KEY_TRUST_ANCHOR", "sha256:12")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("DATADOCK_KEY_TRUST_ANCHOR: not a fingerprint");
  }

  /** The environment, with a trust anchor unless it sets one. */
  private static GatewayConfig fromEnv(Map<String, String> env) {
    Map<String, String> withAnchor = new java.util.HashMap<>(env);
    withAnchor.putIfAbsent("DATADOCK_KEY_TRUST_ANCHOR", ANCHOR);
    return GatewayConfig.from(Settings.of(withAnchor));
  }
}
