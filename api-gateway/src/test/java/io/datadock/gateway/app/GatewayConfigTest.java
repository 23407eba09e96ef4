package io.datadock.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.replay.ReplayTarget;
import io.datadock.runtime.replay.ReplayTargets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's configuration is read once, from the map {@code main} passes in. */
class GatewayConfigTest {

  @Test
  void theEnvironmentConfiguresEverythingIncludingTheReplayTargets() {
    GatewayConfig config =
        GatewayConfig.fromEnv(
            Map.of(
                "DATADOCK_ADMIN_TOKEN", "t0ken",
                "DATADOCK_GATEWAY_PORT", "18080",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092",
                "DATADOCK_REPLY_TIMEOUT_MS", "2500",
                "DATADOCK_TENANT_RATE_LIMIT", "0",
                "DATADOCK_DEPOT_APPLICATION_ID", "depots-blue",
                "DATADOCK_SCANNER_GROUP", "scanner-blue"));

    assertThat(config.port()).isEqualTo(18080);
    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(config.replyTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.tenantRequestsPerSecond()).isZero();
    assertThat(config.replayTargets())
        .containsEntry(ReplayTargets.DEPOT, new ReplayTarget("depots-blue", true))
        .containsEntry(ReplayTargets.SCANNER, new ReplayTarget("scanner-blue", false))
        .containsEntry(ReplayTargets.SECRET, new ReplayTarget(ReplayTargets.SECRET_GROUP, true));
  }

  @Test
  void theEmbeddedDefaultsReplayTheServicesByTheirDefaultGroups() {
    GatewayConfig config = GatewayConfig.defaults(0, "127.0.0.1:9092", "t0ken");

    assertThat(config.replayTargets()).isEqualTo(ReplayTargets.fromEnv(Map.of()));
    assertThat(config.withTenantRate(5).replayTargets()).isEqualTo(config.replayTargets());
  }

  @Test
  void aStandaloneGatewayNeedsAnAdminToken() {
    assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATADOCK_ADMIN_TOKEN");
  }
}
