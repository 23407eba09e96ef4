package io.datadock.depot.app;

import static io.datadock.runtime.config.Setting.DATADOCK_ADVERTISED_HOST;
import static io.datadock.runtime.config.Setting.DATADOCK_CHECK_THREADS;
import static io.datadock.runtime.config.Setting.DATADOCK_CHECK_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_COMMIT_INTERVAL_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_DATA_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_METRICS_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_SESSION_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_STREAM_THREADS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;

import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.runtime.config.LocalHost;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.replay.ReplayTargets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Configuration of depot-service, read once from the environment ({@link #from}, in {@code main}
 * and in the launcher). Every variable is a {@link io.datadock.runtime.config.Setting}, documented
 * in {@code docs/operations/deploy.md}.
 *
 * @param kafka the Kafka cluster and this service's principal on it ({@code
 *     KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, ...; {@link KafkaConnection#from})
 * @param topicPrefix topic name prefix ({@code DATADOCK_TOPIC_PREFIX}, default {@code datadock.})
 * @param applicationId the Streams application id ({@code DATADOCK_DEPOT_APPLICATION_ID}); the
 *     validator's consumer group is this id with {@code -validator}
 * @param instanceId this instance's stable name for static group membership ({@code
 *     DATADOCK_INSTANCE_ID}, default {@code depot-<host name>})
 * @param stateDir Kafka Streams state directory ({@code DATADOCK_DEPOT_STATE_DIR}, default {@code
 *     <data dir>/depot-service/state})
 * @param commitIntervalMs exactly-once commit interval ({@code DATADOCK_COMMIT_INTERVAL_MS})
 * @param streamThreads stream threads ({@code DATADOCK_STREAM_THREADS})
 * @param resolutionUrl secret-service's credential resolution base URL ({@code
 *     DATADOCK_RESOLUTION_URL}, default {@code http://localhost:8081})
 * @param serviceToken the token depot-service resolves credentials with ({@code
 *     DATADOCK_SERVICE_TOKEN}, required; secret-service must know it)
 * @param checkTimeout each connection check's timeout ({@code DATADOCK_CHECK_TIMEOUT_MS}, 10 s)
 * @param checkThreads connection checks run at once ({@code DATADOCK_CHECK_THREADS}, 8)
 * @param sessionTimeout how long a silent instance keeps its partitions ({@code
 *     DATADOCK_SESSION_TIMEOUT_MS}, 45 s)
 * @param egress where connection checks may connect and which directories {@code file} depots may
 *     use: {@code DATADOCK_EGRESS_ALLOW} and {@code DATADOCK_EGRESS_DENY} (comma-separated CIDR
 *     ranges; among the listed ranges holding an address the most specific decides, a tie denies;
 *     unlisted loopback and private ranges are denied standalone, allowed embedded; link-local and
 *     cloud metadata addresses and the platform's own listeners, i.e. the bootstrap servers, the
 *     resolution URL and this service's metrics port, are always denied) and {@code
 *     DATADOCK_FILE_ROOTS} (comma-separated directories, default {@code <data dir>/files}); see
 *     {@code connectors/README.md}
 * @param metricsPort where {@code /metrics}, {@code /healthz} and {@code /readyz} answer ({@code
 *     DATADOCK_METRICS_PORT}, default 9400; 0: a free port)
 * @param advertisedHost the host other instances reach this one's metrics port on ({@code
 *     DATADOCK_ADVERTISED_HOST}, default the host name; {@code localhost} embedded): they knock on
 *     it to notice a killed instance before its session runs out
 * @param topics the topics a standalone instance creates when missing ({@link TopicLayout})
 */
public record DepotServiceConfig(
    KafkaConnection kafka,
    String topicPrefix,
    String applicationId,
    String instanceId,
    Path stateDir,
    long commitIntervalMs,
    int streamThreads,
    String resolutionUrl,
    String serviceToken,
    Duration checkTimeout,
    int checkThreads,
    Duration sessionTimeout,
    EgressSettings egress,
    int metricsPort,
    String advertisedHost,
    TopicLayout topics) {

  public static final String DEFAULT_APPLICATION_ID = ReplayTargets.DEPOT_GROUP;

  /** The standalone default of {@code DATADOCK_METRICS_PORT}. */
  public static final int DEFAULT_METRICS_PORT = 9400;

  @Override
  public String toString() {
    return "DepotServiceConfig[bootstrap="
        + kafka
        + ", prefix="
        + topicPrefix
        + ", applicationId="
        + applicationId
        + ", resolutionUrl="
        + resolutionUrl
        + ", checkTimeout="
        + checkTimeout
        + ", egress="
        + egress
        + "]";
  }

  /**
   * @param mode the egress mode: {@code STANDALONE} for a service of its own, {@code LOCAL} in the
   *     launcher (loopback and private ranges allowed unless denied)
   * @throws io.datadock.runtime.config.ConfigurationException naming a missing or bad variable
   */
  public static DepotServiceConfig from(Settings settings, EgressPolicy.Mode mode) {
    Path dataDir = settings.path(DATADOCK_DATA_DIR, null);
    return new DepotServiceConfig(
        KafkaConnection.from(settings),
        settings.string(DATADOCK_TOPIC_PREFIX),
        settings.string(DATADOCK_DEPOT_APPLICATION_ID),
        settings.string(DATADOCK_INSTANCE_ID, "depot-" + LocalHost.nameOr("depot-service")),
        settings.path(DATADOCK_DEPOT_STATE_DIR, dataDir.resolve("depot-service").resolve("state")),
        settings.millis(DATADOCK_COMMIT_INTERVAL_MS).toMillis(),
        settings.integer(DATADOCK_STREAM_THREADS),
        settings.string(DATADOCK_RESOLUTION_URL),
        settings.required(DATADOCK_SERVICE_TOKEN, "depot-service resolves credentials with it"),
        settings.millis(DATADOCK_CHECK_TIMEOUT_MS),
        settings.integer(DATADOCK_CHECK_THREADS),
        settings.millis(DATADOCK_SESSION_TIMEOUT_MS),
        EgressSettings.from(settings, mode, dataDir.resolve("files")),
        settings.port(DATADOCK_METRICS_PORT, DEFAULT_METRICS_PORT),
        settings.string(DATADOCK_ADVERTISED_HOST, LocalHost.nameOr("depot-service")),
        TopicLayout.from(settings));
  }
}
