package io.datadock.local;

import io.datadock.gateway.app.GatewayConfig;
import io.datadock.gateway.app.GatewayConfig.ReplyMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start the embedded platform.
 *
 * @param gatewayPort HTTP port, 0 for a free one
 * @param kafkaPort broker port, 0 for a free one
 * @param dataDir where the broker log, Streams state and keys live; the same dir means the same
 *     state after a restart
 * @param adminToken the admin's token, or null to reuse the one in the data dir or generate one
 * @param cliConfig the CLI config file to write a ready profile to, or null for none
 * @param partitions partitions per topic
 * @param replyTimeout how long the gateway waits for a service's reply
 * @param replyMode SERVICE, or BROKER_ACK to measure the gateway's ceiling
 * @param rescanInterval periodic catalog rescans; zero turns them off
 * @param tenantRate the gateway's per-tenant request rate; zero turns limiting off
 * @param externalKafka bootstrap servers of a Kafka cluster to use instead of starting the embedded
 *     broker, or null (the default) for the embedded one
 * @param connectors where connection checks and scans may go ({@link ConnectorSettings})
 */
public record PlatformOptions(
    int gatewayPort,
    int kafkaPort,
    Path dataDir,
    String adminToken,
    Path cliConfig,
    int partitions,
    Duration replyTimeout,
    ReplyMode replyMode,
    Duration rescanInterval,
    double tenantRate,
    String externalKafka,
    ConnectorSettings connectors) {

  /**
   * Where the platform's connection checks and scans may go. Locally loopback and private ranges
   * are allowed unless denied; link-local and cloud metadata addresses and the platform's own
   * listeners (broker, gateway, resolution, metrics) never are.
   *
   * @param egressAllow CIDR ranges to allow ({@code DATADOCK_EGRESS_ALLOW})
   * @param egressDeny CIDR ranges to deny ({@code DATADOCK_EGRESS_DENY}); among the listed ranges
   *     holding an address the most specific decides, a tie denies
   * @param fileRoots the directories {@code file} depots may use ({@code DATADOCK_FILE_ROOTS});
   *     empty: a {@code files/} folder in the data directory, created at start
   */
  public record ConnectorSettings(
      List<String> egressAllow, List<String> egressDeny, List<Path> fileRoots) {

    public ConnectorSettings {
      egressAllow = egressAllow == null ? List.of() : List.copyOf(egressAllow);
      egressDeny = egressDeny == null ? List.of() : List.copyOf(egressDeny);
      fileRoots = fileRoots == null ? List.of() : List.copyOf(fileRoots);
    }

    public static ConnectorSettings defaults() {
      return new ConnectorSettings(List.of(), List.of(), List.of());
    }
  }

  public static PlatformOptions defaults(Path dataDir) {
    return new PlatformOptions(
        0,
        0,
        dataDir,
        null,
        null,
        4,
        Duration.ofSeconds(10),
        ReplyMode.SERVICE,
        Duration.ZERO,
        GatewayConfig.DEFAULT_TENANT_RATE,
        null,
        ConnectorSettings.defaults());
  }

  public PlatformOptions withPorts(int gateway, int kafka) {
    return new PlatformOptions(
        gateway,
        kafka,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        tenantRate,
        externalKafka,
        connectors);
  }

  public PlatformOptions withAdminToken(String token) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        token,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        tenantRate,
        externalKafka,
        connectors);
  }

  public PlatformOptions withCliConfig(Path path) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        path,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        tenantRate,
        externalKafka,
        connectors);
  }

  public PlatformOptions withReplyTimeout(Duration timeout) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        timeout,
        replyMode,
        rescanInterval,
        tenantRate,
        externalKafka,
        connectors);
  }

  public PlatformOptions withReplyMode(ReplyMode mode) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        mode,
        rescanInterval,
        tenantRate,
        externalKafka,
        connectors);
  }

  /** Periodic catalog rescans of every active depot; zero (the default) turns them off. */
  public PlatformOptions withRescanInterval(Duration interval) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        interval,
        tenantRate,
        externalKafka,
        connectors);
  }

  /** The gateway's per-tenant request rate (requests a second; 0: no limit). */
  public PlatformOptions withTenantRate(double perSecond) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        perSecond,
        externalKafka,
        connectors);
  }

  /**
   * Runs against an existing Kafka cluster instead of the embedded broker: its topics are created
   * when missing, with the cluster's default replication factor.
   */
  public PlatformOptions withExternalKafka(String bootstrapServers) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        tenantRate,
        bootstrapServers,
        connectors);
  }

  /** Where connection checks and scans may go (egress lists, file roots). */
  public PlatformOptions withConnectors(ConnectorSettings settings) {
    return new PlatformOptions(
        gatewayPort,
        kafkaPort,
        dataDir,
        adminToken,
        cliConfig,
        partitions,
        replyTimeout,
        replyMode,
        rescanInterval,
        tenantRate,
        externalKafka,
        settings);
  }
}
