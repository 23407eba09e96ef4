package io.datadock.secret.app;

import io.datadock.schemas.Topics;
import java.nio.file.Path;
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
 */
public record SecretServiceConfig(
    String bootstrapServers,
    String topicPrefix,
    String applicationId,
    String instanceId,
    Path stateDir,
    Path keyDir,
    long commitIntervalMs,
    int streamThreads) {

  public static final String DEFAULT_APPLICATION_ID = "datadock-secret-service";

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
        1);
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
        Integer.parseInt(env.getOrDefault("DATADOCK_STREAM_THREADS", "" + d.streamThreads())));
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "secret-service";
    }
  }
}
