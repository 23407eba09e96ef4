package io.datadock.secret.app;

import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.streams.StreamsSettings;
import io.datadock.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of secret-service, read from the environment with defaults that make the embedded
 * mode work with none.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topicPrefix topic name prefix ({@code DATADOCK_TOPIC_PREFIX}, default {@code datadock.})
 * @param applicationId the Streams application id ({@code DATADOCK_SECRET_APPLICATION_ID})
 * @param instanceId this instance's stable name for static group membership ({@code
 *     DATADOCK_INSTANCE_ID}, default the host name; {@code local} in the embedded platform)
 * @param stateDir Kafka Streams state directory ({@code DATADOCK_SECRET_STATE_DIR}, default {@code
 *     <data dir>/secret-service/state})
 * @param keyDir where the sealing key pairs live ({@code DATADOCK_SECRET_KEY_DIR}, default {@code
 *     <data dir>/secret-service/keys})
 * @param commitIntervalMs exactly-once commit interval ({@code DATADOCK_COMMIT_INTERVAL_MS})
 * @param streamThreads stream threads ({@code DATADOCK_STREAM_THREADS})
 * @param resolutionPort port of the credential resolution endpoint ({@code
 *     DATADOCK_RESOLUTION_PORT}, default 8081; 0 picks a free one)
 * @param advertisedHost the host other instances reach this one on ({@code
 *     DATADOCK_ADVERTISED_HOST}, default the host name; {@code localhost} embedded)
 * @param callerTokens bearer tokens allowed to resolve credentials, with the identity each stands
 *     for: {@code DATADOCK_SERVICE_TOKEN} ({@code service:internal}) and {@code
 *     DATADOCK_ADMIN_TOKEN} ({@code user:admin}, the only user holding read-secret until identities
 *     exist)
 * @param sessionTimeout how long a silent instance keeps its partitions ({@code
 *     DATADOCK_SESSION_TIMEOUT_MS}, 45 s): a killed instance's partitions have no owner that long
 * @param keyFile a sealing key mounted as a secret ({@code DATADOCK_SECRET_KEY_FILE}, e.g. {@code
 *     /run/secrets/sealing-key}), or null; written by {@code NewSealingKey}. Rotations still add
 *     their keys to {@code keyDir}.
 */
public record SecretServiceConfig(
    String bootstrapServers,
    String topicPrefix,
    String applicationId,
    String instanceId,
    Path stateDir,
    Path keyDir,
    long commitIntervalMs,
    int streamThreads,
    int resolutionPort,
    String advertisedHost,
    Map<String, String> callerTokens,
    Duration sessionTimeout,
    Path keyFile) {

  public static final String DEFAULT_APPLICATION_ID = ReplayTargets.SECRET_GROUP;

  /** Defaults for a data directory, as the embedded platform uses them. */
  public static SecretServiceConfig defaults(String bootstrapServers, Path dataDir) {
    Path home = dataDir.resolve("secret-service");
    return new SecretServiceConfig(
        bootstrapServers,
        Topics.DEFAULT_PREFIX,
        DEFAULT_APPLICATION_ID,
        "local",
        home.resolve("state"),
        home.resolve("keys"),
        100,
        1,
        0,
        "localhost",
        Map.of(),
        StreamsSettings.DEFAULT_SESSION_TIMEOUT,
        null);
  }

  public static SecretServiceConfig fromEnv(Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("DATADOCK_DATA_DIR", "./data"));
    SecretServiceConfig d =
        defaults(env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"), dataDir);
    return new SecretServiceConfig(
        d.bootstrapServers(),
        env.getOrDefault("DATADOCK_TOPIC_PREFIX", d.topicPrefix()),
        env.getOrDefault("DATADOCK_SECRET_APPLICATION_ID", d.applicationId()),
        env.getOrDefault("DATADOCK_INSTANCE_ID", hostName()),
        Path.of(env.getOrDefault("DATADOCK_SECRET_STATE_DIR", d.stateDir().toString())),
        Path.of(env.getOrDefault("DATADOCK_SECRET_KEY_DIR", d.keyDir().toString())),
        Long.parseLong(env.getOrDefault("DATADOCK_COMMIT_INTERVAL_MS", "" + d.commitIntervalMs())),
        Integer.parseInt(env.getOrDefault("DATADOCK_STREAM_THREADS", "" + d.streamThreads())),
        Integer.parseInt(env.getOrDefault("DATADOCK_RESOLUTION_PORT", "8081")),
        env.getOrDefault("DATADOCK_ADVERTISED_HOST", hostName()),
        callerTokens(env.get("DATADOCK_SERVICE_TOKEN"), env.get("DATADOCK_ADMIN_TOKEN")),
        StreamsSettings.sessionTimeout(env),
        env.containsKey("DATADOCK_SECRET_KEY_FILE")
            ? Path.of(env.get("DATADOCK_SECRET_KEY_FILE"))
            : null);
  }

  /** The same configuration with the tokens allowed to resolve credentials. */
  public SecretServiceConfig withCallerTokens(Map<String, String> tokens) {
    return new SecretServiceConfig(
        bootstrapServers,
        topicPrefix,
        applicationId,
        instanceId,
        stateDir,
        keyDir,
        commitIntervalMs,
        streamThreads,
        resolutionPort,
        advertisedHost,
        Map.copyOf(tokens),
        sessionTimeout,
        keyFile);
  }

  /** Tokens to identities: a service token and the bootstrap admin's, when given. */
  public static Map<String, String> callerTokens(String serviceToken, String adminToken) {
    Map<String, String> tokens = new java.util.HashMap<>();
    if (serviceToken != null && !serviceToken.isBlank()) {
      tokens.put(serviceToken, "service:internal");
    }
    if (adminToken != null && !adminToken.isBlank()) {
      tokens.put(adminToken, "user:admin");
    }
    return tokens;
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "secret-service";
    }
  }
}
