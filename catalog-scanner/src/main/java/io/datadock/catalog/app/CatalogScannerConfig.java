package io.datadock.catalog.app;

import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the catalog scanner, from the environment, with defaults for the embedded mode.
 *
 * @param groupId the consumer group on {@code depot.events} ({@code DATADOCK_SCANNER_GROUP})
 * @param resolutionUrl secret-service's credential resolution ({@code DATADOCK_RESOLUTION_URL})
 * @param serviceToken the token the scanner resolves with ({@code DATADOCK_SERVICE_TOKEN})
 * @param scanTimeout the longest one scan may read a source ({@code DATADOCK_SCAN_TIMEOUT_MS}, 60
 *     s)
 * @param rescanInterval periodic rescans of every active depot ({@code
 *     DATADOCK_RESCAN_INTERVAL_MS}); zero (the default) turns them off
 * @param threads scans run at once ({@code DATADOCK_SCAN_THREADS}, 2)
 * @param instanceId this instance's name in replays ({@code DATADOCK_INSTANCE_ID}, default the host
 *     name; {@code local} embedded)
 * @param egress where scans may connect and which directories {@code file} depots may use: {@code
 *     DATADOCK_EGRESS_ALLOW} and {@code DATADOCK_EGRESS_DENY} (comma-separated CIDR ranges; among
 *     the listed ranges holding an address the most specific decides, a tie denies; unlisted
 *     loopback and private ranges are denied standalone, allowed embedded; link-local and cloud
 *     metadata addresses and the platform's own listeners, i.e. the bootstrap servers, the
 *     resolution URL and this service's metrics port, are always denied) and {@code
 *     DATADOCK_FILE_ROOTS} (comma-separated directories, default {@code <DATADOCK_DATA_DIR>/files};
 *     embedded: none until the platform sets them); see {@code connectors/README.md}
 */
public record CatalogScannerConfig(
    String bootstrapServers,
    String topicPrefix,
    String groupId,
    String resolutionUrl,
    String serviceToken,
    Duration scanTimeout,
    Duration rescanInterval,
    int threads,
    String instanceId,
    EgressSettings egress) {

  public static final String DEFAULT_GROUP = ReplayTargets.SCANNER_GROUP;

  @Override
  public String toString() {
    return "CatalogScannerConfig[bootstrap="
        + bootstrapServers
        + ", prefix="
        + topicPrefix
        + ", group="
        + groupId
        + ", resolutionUrl="
        + resolutionUrl
        + ", scanTimeout="
        + scanTimeout
        + ", rescanInterval="
        + rescanInterval
        + ", egress="
        + egress
        + "]";
  }

  public static CatalogScannerConfig defaults(
      String bootstrapServers, String resolutionUrl, String serviceToken) {
    return new CatalogScannerConfig(
        bootstrapServers,
        Topics.DEFAULT_PREFIX,
        DEFAULT_GROUP,
        resolutionUrl,
        serviceToken,
        Duration.ofSeconds(60),
        Duration.ZERO,
        2,
        "local",
        new EgressSettings(EgressPolicy.Mode.LOCAL, List.of(), List.of(), List.of()));
  }

  public CatalogScannerConfig withRescanInterval(Duration interval) {
    return new CatalogScannerConfig(
        bootstrapServers,
        topicPrefix,
        groupId,
        resolutionUrl,
        serviceToken,
        scanTimeout,
        interval,
        threads,
        instanceId,
        egress);
  }

  /** The same configuration with other egress settings. */
  public CatalogScannerConfig withEgress(EgressSettings settings) {
    return new CatalogScannerConfig(
        bootstrapServers,
        topicPrefix,
        groupId,
        resolutionUrl,
        serviceToken,
        scanTimeout,
        rescanInterval,
        threads,
        instanceId,
        settings);
  }

  public static CatalogScannerConfig fromEnv(Map<String, String> env) {
    String token = env.get("DATADOCK_SERVICE_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "DATADOCK_SERVICE_TOKEN is required: the scanner resolves scan credentials with it");
    }
    CatalogScannerConfig d =
        defaults(
            env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
            env.getOrDefault("DATADOCK_RESOLUTION_URL", "http://localhost:8081"),
            token);
    return new CatalogScannerConfig(
        d.bootstrapServers(),
        env.getOrDefault("DATADOCK_TOPIC_PREFIX", d.topicPrefix()),
        env.getOrDefault("DATADOCK_SCANNER_GROUP", d.groupId()),
        d.resolutionUrl(),
        token,
        Duration.ofMillis(
            Long.parseLong(
                env.getOrDefault("DATADOCK_SCAN_TIMEOUT_MS", "" + d.scanTimeout().toMillis()))),
        Duration.ofMillis(Long.parseLong(env.getOrDefault("DATADOCK_RESCAN_INTERVAL_MS", "0"))),
        Integer.parseInt(env.getOrDefault("DATADOCK_SCAN_THREADS", "" + d.threads())),
        env.getOrDefault("DATADOCK_INSTANCE_ID", hostName()),
        EgressSettings.fromEnv(
            env,
            EgressPolicy.Mode.STANDALONE,
            Path.of(env.getOrDefault("DATADOCK_DATA_DIR", "./data")).resolve("files")));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "catalog-scanner";
    }
  }
}
