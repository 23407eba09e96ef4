package io.datadock.gateway.app;

import io.datadock.runtime.replay.ReplayTarget;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.schemas.Topics;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of the gateway, read once from the environment ({@link #fromEnv}, in {@code main})
 * with defaults for the embedded mode ({@link #defaults}); nothing below reads the environment.
 *
 * @param port HTTP port ({@code DATADOCK_GATEWAY_PORT}, default 8080; 0 picks a free one)
 * @param metricsPort the operations listener's port: {@code /metrics}, {@code /healthz}, {@code
 *     /readyz}, apart from the API ({@code DATADOCK_METRICS_PORT}, default 9402; 0 picks a free
 *     one, the embedded default)
 * @param bootstrapServers Kafka bootstrap servers ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topicPrefix topic prefix ({@code DATADOCK_TOPIC_PREFIX})
 * @param adminToken the bootstrap admin's bearer token ({@code DATADOCK_ADMIN_TOKEN})
 * @param replyTimeout how long a request waits for a service's reply before a 504 ({@code
 *     DATADOCK_REPLY_TIMEOUT_MS}, default 10 s)
 * @param maxBodyBytes request body limit ({@code DATADOCK_MAX_BODY_BYTES}, default 1 MiB)
 * @param httpInstances event-loop instances serving HTTP ({@code DATADOCK_HTTP_INSTANCES})
 * @param replyMode {@code SERVICE} (normal) or {@code BROKER_ACK}, which answers applies as soon as
 *     the broker has the command: only for measuring the gateway's own ceiling
 * @param resolutionUrl secret-service's credential resolution base URL, for unsanitized reads
 *     ({@code DATADOCK_SECRET_RESOLUTION_URL}; null: unsanitized reads answer 503)
 * @param tenantRequestsPerSecond requests a second per tenant ({@code DATADOCK_TENANT_RATE_LIMIT},
 *     default {@value #DEFAULT_TENANT_RATE}; 0 turns limiting off)
 * @param replayTargets the services {@code POST /api/v1/admin/replay} replays, by name, with their
 *     consumer groups ({@code DATADOCK_SECRET_APPLICATION_ID}, {@code
 *     DATADOCK_DEPOT_APPLICATION_ID}, {@code DATADOCK_SCANNER_GROUP}; see {@link ReplayTargets})
 */
public record GatewayConfig(
    int port,
    int metricsPort,
    String bootstrapServers,
    String topicPrefix,
    String adminToken,
    Duration replyTimeout,
    int maxBodyBytes,
    int httpInstances,
    ReplyMode replyMode,
    String resolutionUrl,
    double tenantRequestsPerSecond,
    Map<String, ReplayTarget> replayTargets) {

  public enum ReplyMode {
    SERVICE,
    BROKER_ACK
  }

  /** Requests a second per tenant, bursts of one second's worth; 0 turns limiting off. */
  public static final double DEFAULT_TENANT_RATE = 1000;

  /** The same configuration with another per-tenant request rate (0: no limit). */
  public GatewayConfig withTenantRate(double perSecond) {
    return new GatewayConfig(
        port,
        metricsPort,
        bootstrapServers,
        topicPrefix,
        adminToken,
        replyTimeout,
        maxBodyBytes,
        httpInstances,
        replyMode,
        resolutionUrl,
        perSecond,
        replayTargets);
  }

  public static GatewayConfig defaults(int port, String bootstrapServers, String adminToken) {
    return new GatewayConfig(
        port,
        0,
        bootstrapServers,
        Topics.DEFAULT_PREFIX,
        adminToken,
        Duration.ofSeconds(10),
        1024 * 1024,
        2,
        ReplyMode.SERVICE,
        null,
        DEFAULT_TENANT_RATE,
        ReplayTargets.fromEnv(Map.of()));
  }

  public GatewayConfig withReplyTimeout(Duration timeout) {
    return new GatewayConfig(
        port,
        metricsPort,
        bootstrapServers,
        topicPrefix,
        adminToken,
        timeout,
        maxBodyBytes,
        httpInstances,
        replyMode,
        resolutionUrl,
        tenantRequestsPerSecond,
        replayTargets);
  }

  public GatewayConfig withReplyMode(ReplyMode mode) {
    return new GatewayConfig(
        port,
        metricsPort,
        bootstrapServers,
        topicPrefix,
        adminToken,
        replyTimeout,
        maxBodyBytes,
        httpInstances,
        mode,
        resolutionUrl,
        tenantRequestsPerSecond,
        replayTargets);
  }

  public GatewayConfig withMaxBodyBytes(int bytes) {
    return new GatewayConfig(
        port,
        metricsPort,
        bootstrapServers,
        topicPrefix,
        adminToken,
        replyTimeout,
        bytes,
        httpInstances,
        replyMode,
        resolutionUrl,
        tenantRequestsPerSecond,
        replayTargets);
  }

  public GatewayConfig withResolutionUrl(String url) {
    return new GatewayConfig(
        port,
        metricsPort,
        bootstrapServers,
        topicPrefix,
        adminToken,
        replyTimeout,
        maxBodyBytes,
        httpInstances,
        replyMode,
        url,
        tenantRequestsPerSecond,
        replayTargets);
  }

  public static GatewayConfig fromEnv(Map<String, String> env) {
    String token = env.get("DATADOCK_ADMIN_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "DATADOCK_ADMIN_TOKEN must be set for a standalone gateway");
    }
    GatewayConfig d =
        defaults(
            Integer.parseInt(env.getOrDefault("DATADOCK_GATEWAY_PORT", "8080")),
            env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
            token);
    return new GatewayConfig(
        d.port(),
        Integer.parseInt(env.getOrDefault("DATADOCK_METRICS_PORT", "9402")),
        d.bootstrapServers(),
        env.getOrDefault("DATADOCK_TOPIC_PREFIX", d.topicPrefix()),
        token,
        Duration.ofMillis(
            Long.parseLong(
                env.getOrDefault("DATADOCK_REPLY_TIMEOUT_MS", "" + d.replyTimeout().toMillis()))),
        Integer.parseInt(env.getOrDefault("DATADOCK_MAX_BODY_BYTES", "" + d.maxBodyBytes())),
        Integer.parseInt(env.getOrDefault("DATADOCK_HTTP_INSTANCES", "" + d.httpInstances())),
        ReplyMode.valueOf(env.getOrDefault("DATADOCK_REPLY_MODE", d.replyMode().name())),
        env.get("DATADOCK_SECRET_RESOLUTION_URL"),
        Double.parseDouble(
            env.getOrDefault("DATADOCK_TENANT_RATE_LIMIT", "" + d.tenantRequestsPerSecond())),
        ReplayTargets.fromEnv(env));
  }
}
