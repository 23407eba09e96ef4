package io.datadock.gateway.app;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_GATEWAY_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_HTTP_INSTANCES;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_TRUST_ANCHOR;
import static io.datadock.runtime.config.Setting.DATADOCK_MAX_BODY_BYTES;
import static io.datadock.runtime.config.Setting.DATADOCK_METRICS_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_REPLY_MODE;
import static io.datadock.runtime.config.Setting.DATADOCK_REPLY_TIMEOUT_MS;
import static io.datadock.runtime.config.Setting.DATADOCK_SCANNER_GROUP;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_APPLICATION_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_TENANT_RATE_LIMIT;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PREFIX;

import io.datadock.core.crypto.TrustAnchor;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.TopicLayout;
import io.datadock.runtime.replay.ReplayTarget;
import io.datadock.runtime.replay.ReplayTargets;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the gateway, read once from the environment ({@link #from}, in {@code main} and
 * in the launcher); nothing below reads the environment. Every variable is a {@link
 * io.datadock.runtime.config.Setting}, documented in {@code docs/operations/deploy.md}.
 *
 * @param port HTTP port ({@code DATADOCK_GATEWAY_PORT}, default 8080; 0 picks a free one)
 * @param metricsPort the operations listener's port: {@code /metrics}, {@code /healthz}, {@code
 *     /readyz}, apart from the API ({@code DATADOCK_METRICS_PORT}, default 9402; 0 picks a free
 *     one, the embedded default)
 * @param kafka the Kafka cluster and this service's principal on it ({@code
 *     KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, ...; {@link KafkaConnection#from})
 * @param topicPrefix topic prefix ({@code DATADOCK_TOPIC_PREFIX})
 * @param adminToken the bootstrap admin's bearer token ({@code DATADOCK_ADMIN_TOKEN}, required)
 * @param replyTimeout how long a request waits for a service's reply before a 504 ({@code
 *     DATADOCK_REPLY_TIMEOUT_MS}, default 10 s)
 * @param maxBodyBytes request body limit ({@code DATADOCK_MAX_BODY_BYTES}, default 1 MiB)
 * @param httpInstances event-loop instances serving HTTP ({@code DATADOCK_HTTP_INSTANCES})
 * @param replyMode {@code SERVICE} (normal) or {@code BROKER_ACK}, which answers applies as soon as
 *     the broker has the command: only for measuring the gateway's own ceiling ({@code
 *     DATADOCK_REPLY_MODE})
 * @param resolutionUrl secret-service's credential resolution base URL, for unsanitized reads
 *     ({@code DATADOCK_SECRET_RESOLUTION_URL}; null: unsanitized reads answer 503)
 * @param tenantRequestsPerSecond requests a second per tenant ({@code DATADOCK_TENANT_RATE_LIMIT},
 *     default 1000; 0 turns limiting off)
 * @param replayTargets the services {@code POST /api/v1/admin/replay} replays, by name, with their
 *     consumer groups ({@code DATADOCK_SECRET_APPLICATION_ID}, {@code
 *     DATADOCK_DEPOT_APPLICATION_ID}, {@code DATADOCK_SCANNER_GROUP}; see {@link ReplayTargets})
 * @param keyTrustAnchor whose signature a sealing key on {@code secret.keys} must carry for the
 *     gateway to seal to it ({@code DATADOCK_KEY_TRUST_ANCHOR}, required: the fingerprint of
 *     secret-service's key-signing key, or a file holding it or the public key)
 * @param topics the topics a standalone gateway creates when missing ({@link TopicLayout})
 */
public record GatewayConfig(
    int port,
    int metricsPort,
    KafkaConnection kafka,
    String topicPrefix,
    String adminToken,
    Duration replyTimeout,
    int maxBodyBytes,
    int httpInstances,
    ReplyMode replyMode,
    String resolutionUrl,
    double tenantRequestsPerSecond,
    Map<String, ReplayTarget> replayTargets,
    TrustAnchor keyTrustAnchor,
    TopicLayout topics) {

  public enum ReplyMode {
    SERVICE,
    BROKER_ACK
  }

  /** The standalone defaults' metrics port. */
  public static final int DEFAULT_METRICS_PORT = 9402;

  /** What {@code settings} set, with free API and metrics ports where they set none. */
  public static GatewayConfig embedded(Settings settings) {
    return from(
        settings.withDefault(DATADOCK_GATEWAY_PORT, 0).withDefault(DATADOCK_METRICS_PORT, 0));
  }

  /**
   * @throws io.datadock.runtime.config.ConfigurationException naming a missing or bad variable
   */
  public static GatewayConfig from(Settings settings) {
    return new GatewayConfig(
        settings.port(DATADOCK_GATEWAY_PORT, null),
        settings.port(DATADOCK_METRICS_PORT, DEFAULT_METRICS_PORT),
        KafkaConnection.from(settings),
        settings.string(DATADOCK_TOPIC_PREFIX),
        settings.required(DATADOCK_ADMIN_TOKEN, "the gateway's bootstrap admin signs in with it"),
        settings.millis(DATADOCK_REPLY_TIMEOUT_MS),
        settings.integer(DATADOCK_MAX_BODY_BYTES),
        settings.integer(DATADOCK_HTTP_INSTANCES),
        settings.choice(DATADOCK_REPLY_MODE, ReplyMode.class),
        settings.optional(DATADOCK_SECRET_RESOLUTION_URL).orElse(null),
        settings.decimal(DATADOCK_TENANT_RATE_LIMIT),
        ReplayTargets.of(
            settings.string(DATADOCK_SECRET_APPLICATION_ID),
            settings.string(DATADOCK_DEPOT_APPLICATION_ID),
            settings.string(DATADOCK_SCANNER_GROUP)),
        settings.parsed(DATADOCK_KEY_TRUST_ANCHOR, TrustAnchor::of),
        TopicLayout.from(settings));
  }
}
