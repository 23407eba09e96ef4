package io.datadock.depot.app;

import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.streams.StreamsSettings;
import io.datadock.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Configuration of depot-service, read from the environment with defaults that make the embedded
 * mode work with none.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topicPrefix topic name prefix ({@code DATADOCK_TOPIC_PREFIX}, default {@code datadock.})
 * @param applicationId the Streams application id ({@code DATADOCK_DEPOT_APPLICATION_ID}); the
 *     validator's consumer group is this id with {@code -validator}
 * @param instanceId this instance's stable name for static group membership ({@code
 *     DATADOCK_INSTANCE_ID})
 * @param stateDir Kafka Streams state directory ({@code DATADOCK_DEPOT_STATE_DIR}, default {@code
 *     <data dir>/depot-service/state})
 * @param commitIntervalMs exactly-once commit interval ({@code DATADOCK_COMMIT_INTERVAL_MS})
 * @param streamThreads stream threads ({@code DATADOCK_STREAM_THREADS})
 * @param resolutionUrl secret-service's credential resolution base URL ({@code
 *     DATADOCK_RESOLUTION_URL}, default {@code http://localhost:8081})
 * @param serviceToken the token depot-service resolves credentials with ({@code
 *     DATADOCK_SERVICE_TOKEN}; secret-service must know it)
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
 */
public record DepotServiceConfig(
    String bootstrapServers,
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
    EgressSettings egress) {

  public static final String DEFAULT_APPLICATION_ID = ReplayTargets.DEPOT_GROUP;

  @Override
  public String toString() {
    return "DepotServiceConfig[bootstrap="
        + bootstrapServers
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
   * Defaults for a data directory, as the embedded platform uses them: loopback and private ranges
   * allowed, file root {@code <data dir>/files}.
   */
  public static DepotServiceConfig defaults(
      String bootstrapServers, Path dataDir, String resolutionUrl, String serviceToken) {
    return new DepotServiceConfig(
        bootstrapServers,
        Topics.DEFAULT_PREFIX,
        DEFAULT_APPLICATION_ID,
        "local",
        dataDir.resolve("depot-service").resolve("state"),
        100,
        1,
        resolutionUrl,
        serviceToken,
        Duration.ofSeconds(10),
        8,
        StreamsSettings.DEFAULT_SESSION_TIMEOUT,
        new EgressSettings(
            EgressPolicy.Mode.LOCAL, List.of(), List.of(), List.of(dataDir.resolve("files"))));
  }

  /** The same configuration with other egress settings. */
  public DepotServiceConfig withEgress(EgressSettings settings) {
    return new DepotServiceConfig(
        bootstrapServers,
        topicPrefix,
        applicationId,
        instanceId,
        stateDir,
        commitIntervalMs,
        streamThreads,
        resolutionUrl,
        serviceToken,
        checkTimeout,
        checkThreads,
        sessionTimeout,
        settings);
  }

  public static DepotServiceConfig fromEnv(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("DATADOCK_DATA_DIR", "./data"));
    DepotServiceConfig d =
        defaults(
            env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
            dataDir,
            env.getOrDefault("DATADOCK_RESOLUTION_URL", "http://localhost:8081"),
            env.get("DATADOCK_SERVICE_TOKEN"));
    if (d.serviceToken() == null || d.serviceToken().isBlank()) {
      throw new IllegalArgumentException(
          "DATADOCK_SERVICE_TOKEN is required: depot-service resolves credentials with it");
    }
    return new DepotServiceConfig(
        d.bootstrapServers(),
        env.getOrDefault("DATADOCK_TOPIC_PREFIX", d.topicPrefix()),
        env.getOrDefault("DATADOCK_DEPOT_APPLICATION_ID", d.applicationId()),
        env.getOrDefault("DATADOCK_INSTANCE_ID", "depot-" + hostName()),
        Path.of(env.getOrDefault("DATADOCK_DEPOT_STATE_DIR", d.stateDir().toString())),
        Long.parseLong(env.getOrDefault("DATADOCK_COMMIT_INTERVAL_MS", "" + d.commitIntervalMs())),
        Integer.parseInt(env.getOrDefault("DATADOCK_STREAM_THREADS", "" + d.streamThreads())),
        d.resolutionUrl(),
        d.serviceToken(),
        Duration.ofMillis(
            Long.parseLong(
                env.getOrDefault("DATADOCK_CHECK_TIMEOUT_MS", "" + d.checkTimeout().toMillis()))),
        Integer.parseInt(env.getOrDefault("DATADOCK_CHECK_THREADS", "" + d.checkThreads())),
        StreamsSettings.sessionTimeout(env),
        EgressSettings.fromEnv(env, EgressPolicy.Mode.STANDALONE, dataDir.resolve("files")));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "depot-service";
    }
  }
}
