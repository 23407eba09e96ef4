package io.datadock.secret.app;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_ADVERTISED_HOST;
import static io.datadock.runtime.config.Setting.DATADOCK_COMMIT_INTERVAL_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_DATA_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_SIGNING_KEY_FILE;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_KEY_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_KEY_FILE;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_SESSION_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_STREAM_THREADS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.LocalHost;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.replay.ReplayTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration of secret-service, read once from the environment ({@link #from}, in {@code main}
 * and in the launcher). Every variable is a {@link io.datadock.runtime.config.Setting}, documented
 * in {@code docs/operations/deploy.md}.
 *
 * @param kafka the Kafka cluster and this service's principal on it ({@code
 *     KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, ...; {@link KafkaConnection#from})
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
 * @param signingKeyFile the key that signs the sealing keys it publishes, so gateways trust them
 *     ({@code DATADOCK_KEY_SIGNING_KEY_FILE}, required; written by {@code NewSigningKey}, generated
 *     into the data dir by the launcher)
 * @param topics the topics a standalone instance creates when missing ({@link TopicLayout})
 */
public record SecretServiceConfig(
    KafkaConnection kafka,
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
    Path keyFile,
    Path signingKeyFile,
    TopicLayout topics) {

  public static final String DEFAULT_APPLICATION_ID = ReplayTargets.SECRET_GROUP;

  /**
   * @throws io.datadock.runtime.config.ConfigurationException naming a missing or bad variable
   */
  public static SecretServiceConfig from(Settings settings) {
    Path home = settings.path(DATADOCK_DATA_DIR, null).resolve("secret-service");
    return new SecretServiceConfig(
        KafkaConnection.from(settings),
        settings.string(DATADOCK_TOPIC_PREFIX),
        settings.string(DATADOCK_SECRET_APPLICATION_ID),
        settings.string(DATADOCK_INSTANCE_ID, LocalHost.nameOr("secret-service")),
        settings.path(DATADOCK_SECRET_STATE_DIR, home.resolve("state")),
        settings.path(DATADOCK_SECRET_KEY_DIR, home.resolve("keys")),
        settings.millis(DATADOCK_COMMIT_INTERVAL_MS).toMillis(),
        settings.integer(DATADOCK_STREAM_THREADS),
        settings.port(DATADOCK_RESOLUTION_PORT, null),
        settings.string(DATADOCK_ADVERTISED_HOST, LocalHost.nameOr("secret-service")),
        callerTokens(
            settings.optional(DATADOCK_SERVICE_TOKEN).orElse(null),
            settings.optional(DATADOCK_ADMIN_TOKEN).orElse(null)),
        settings.millis(DATADOCK_SESSION_TIMEOUT_MS),
        settings.path(DATADOCK_SECRET_KEY_FILE, null),
        signingKeyFile(settings),
        TopicLayout.from(settings));
  }

  private static Path signingKeyFile(Settings settings) {
    Path file = settings.path(DATADOCK_KEY_SIGNING_KEY_FILE, null);
    if (file == null) {
      throw new ConfigurationException(
          DATADOCK_KEY_SIGNING_KEY_FILE,
          "required: gateways trust only sealing keys signed by it (write one with NewSigningKey)");
    }
    return file;
  }

  /** Tokens to identities: a service token and the bootstrap admin's, when given. */
  private static Map<String, String> callerTokens(String serviceToken, String adminToken) {
    Map<String, String> tokens = new HashMap<>();
    if (serviceToken != null) {
      tokens.put(serviceToken, "service:internal");
    }
    if (adminToken != null) {
      tokens.put(adminToken, "user:admin");
    }
    return Map.copyOf(tokens);
  }

  @Override
  public String toString() {
    return "SecretServiceConfig[bootstrap="
        + kafka
        + ", prefix="
        + topicPrefix
        + ", applicationId="
        + applicationId
        + ", instanceId="
        + instanceId
        + ", stateDir="
        + stateDir
        + ", keyDir="
        + keyDir
        + ", callers="
        + callerTokens.values()
        + "]";
  }
}
