package io.datadock.catalog.app;

import static io.datadock.runtime.config.Setting.DATADOCK_DATA_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_METRICS_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESCAN_INTERVAL_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SCANNER_GROUP;
import static io.datadock.runtime.config.Setting.DATADOCK_SCAN_OBJECT_BUDGET;
import static io.datadock.runtime.config.Setting.DATADOCK_SCAN_OBJECT_BUDGETS;
import static io.datadock.runtime.config.Setting.DATADOCK_SCAN_THREADS;
import static io.datadock.runtime.config.Setting.DATADOCK_SCAN_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_SESSION_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;

import io.datadock.catalog.scan.ScanBudgets;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.runtime.config.LocalHost;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.replay.ReplayTargets;
import java.time.Duration;

/**
 * Configuration of the catalog scanner, read once from the environment ({@link #from}, in {@code
 * main} and in the launcher). Every variable is a {@link io.datadock.runtime.config.Setting},
 * documented in {@code docs/operations/deploy.md}.
 *
 * @param groupId the consumer group on {@code depot.events} ({@code DATADOCK_SCANNER_GROUP})
 * @param resolutionUrl secret-service's credential resolution ({@code DATADOCK_RESOLUTION_URL})
 * @param serviceToken the token the scanner resolves with ({@code DATADOCK_SERVICE_TOKEN},
 *     required)
 * @param scanTimeout the longest one scan may read a source ({@code DATADOCK_SCAN_TIMEOUT_MS}, 60
 *     s)
 * @param rescanInterval periodic rescans of every active depot ({@code
 *     DATADOCK_RESCAN_INTERVAL_MS}); zero (the default) turns them off
 * @param threads scans run at once ({@code DATADOCK_SCAN_THREADS}, 2)
 * @param objectBudgets objects an object-store scan lists at most per depot ({@code
 *     DATADOCK_SCAN_OBJECT_BUDGET}, 100,000), and for named depots ({@code
 *     DATADOCK_SCAN_OBJECT_BUDGETS}, {@code <tenant>/<depot>=<objects>,...}); a listing stopped by
 *     its budget is a partial scan
 * @param instanceId this instance's name in replays and its static member id in the group ({@code
 *     DATADOCK_INSTANCE_ID}, default the host name; {@code local} embedded)
 * @param sessionTimeout how long a silent instance keeps its partitions ({@code
 *     DATADOCK_SESSION_TIMEOUT_MS}, 45 s); a restarted one takes them back at once
 * @param egress where scans may connect and which directories {@code file} depots may use: {@code
 *     DATADOCK_EGRESS_ALLOW} and {@code DATADOCK_EGRESS_DENY} (comma-separated CIDR ranges; among
 *     the listed ranges holding an address the most specific decides, a tie denies; unlisted
 *     loopback and private ranges are denied standalone, allowed embedded; link-local and cloud
 *     metadata addresses and the platform's own listeners, i.e. the bootstrap servers, the
 *     resolution URL and this service's metrics port, are always denied) and {@code
 *     DATADOCK_FILE_ROOTS} (comma-separated directories, default {@code
 *     <DATADOCK_DATA_DIR>/files}); see {@code connectors/README.md}
 * @param metricsPort where {@code /metrics}, {@code /healthz} and {@code /readyz} answer ({@code
 *     DATADOCK_METRICS_PORT}, default 9401; 0: a free port)
 * @param topics the topics a standalone instance creates when missing ({@link TopicLayout})
 */
public record CatalogScannerConfig(
    KafkaConnection kafka,
    String topicPrefix,
    String groupId,
    String resolutionUrl,
    String serviceToken,
    Duration scanTimeout,
    Duration rescanInterval,
    int threads,
    ScanBudgets objectBudgets,
    String instanceId,
    Duration sessionTimeout,
    EgressSettings egress,
    int metricsPort,
    TopicLayout topics) {

  public static final String DEFAULT_GROUP = ReplayTargets.SCANNER_GROUP;

  /** The standalone default of {@code DATADOCK_METRICS_PORT}. */
  public static final int DEFAULT_METRICS_PORT = 9401;

  @Override
  public String toString() {
    return "CatalogScannerConfig[bootstrap="
        + kafka
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

  /**
   * @param mode the egress mode: {@code STANDALONE} for a scanner of its own, {@code LOCAL} in the
   *     launcher (loopback and private ranges allowed unless denied)
   * @throws io.datadock.runtime.config.ConfigurationException naming a missing or bad variable
   */
  public static CatalogScannerConfig from(Settings settings, EgressPolicy.Mode mode) {
    return new CatalogScannerConfig(
        KafkaConnection.from(settings),
        settings.string(DATADOCK_TOPIC_PREFIX),
        settings.string(DATADOCK_SCANNER_GROUP),
        settings.string(DATADOCK_RESOLUTION_URL),
        settings.required(DATADOCK_SERVICE_TOKEN, "the scanner resolves scan credentials with it"),
        settings.millis(DATADOCK_SCAN_TIMEOUT_MS),
        settings.millis(DATADOCK_RESCAN_INTERVAL_MS),
        settings.integer(DATADOCK_SCAN_THREADS),
        objectBudgets(settings),
        settings.string(DATADOCK_INSTANCE_ID, LocalHost.nameOr("catalog-scanner")),
        settings.millis(DATADOCK_SESSION_TIMEOUT_MS),
        EgressSettings.from(
            settings, mode, settings.path(DATADOCK_DATA_DIR, null).resolve("files")),
        settings.port(DATADOCK_METRICS_PORT, DEFAULT_METRICS_PORT),
        TopicLayout.from(settings));
  }

  private static ScanBudgets objectBudgets(Settings settings) {
    int everyDepot = settings.positive(DATADOCK_SCAN_OBJECT_BUDGET);
    return settings.parsed(
        DATADOCK_SCAN_OBJECT_BUDGETS, text -> ScanBudgets.parse(everyDepot, text));
  }
}
