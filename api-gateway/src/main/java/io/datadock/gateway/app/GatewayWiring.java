package io.datadock.gateway.app;

import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import io.datadock.gateway.apply.ApplyService;
import io.datadock.gateway.apply.CommandService;
import io.datadock.gateway.auth.AdminTokenVerifier;
import io.datadock.gateway.auth.ApiKeyVerifier;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.ApiComponents;
import io.datadock.gateway.http.resources.ResourceApi;
import io.datadock.gateway.identity.AccessRevalidation;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.limits.RateLimiter;
import io.datadock.gateway.replay.ReplayAwareDeadlines;
import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.secrets.UnsanitizeClient;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The gateway's write side and the services the API is built from, each built once from the
 * configuration and the read side: command publishing and request/reply, manifest apply, the one
 * {@link Authorizer}, the rate limiter, the identity writer, the replay coordinator.
 */
final class GatewayWiring implements AutoCloseable {

  /**
   * The longest an apply with {@code wait=true} waits for a depot to become active or fail: a
   * connection check's own timeout (10 s) plus the saga's hops, with room to spare.
   */
  static final Duration DEPOT_STATUS_WAIT = Duration.ofSeconds(30);

  /**
   * How much longer than the reply timeout a command may wait while its service is being replayed:
   * a replay of a few thousand resources takes seconds; beyond a minute the client is better told
   * (a 504 that says a replay is running) than kept waiting.
   */
  static final Duration REPLAY_HOLD = Duration.ofSeconds(60);

  /**
   * How long a command held by a replay waits, at least, once the replay has ended: its service
   * starts Kafka Streams again, joins its group and restores its tasks (under 10 s on two busy
   * cores; a service JVM restarting in the fault cluster is 6.6 s to running).
   */
  static final Duration REPLAY_RESUME = Duration.ofSeconds(20);

  private final Closeables opened = new Closeables();
  private final GatewayConfig config;
  private final GatewayViews views;
  private final MeterRegistry metrics;
  private final IdentityWriter identityWriter;
  private final CommandPublisher publisher;
  private final CommandService commands;
  private final Authorizer authorizer;
  private final ReplayCoordinator replay;

  GatewayWiring(GatewayConfig config, GatewayViews views, MeterRegistry metrics) {
    this.config = config;
    this.views = views;
    this.metrics = metrics;
    KafkaConnection kafka = config.kafka();
    String prefix = config.topicPrefix();
    this.identityWriter = opened.add(new IdentityWriter(kafka, prefix));
    this.publisher =
        opened.add(new CommandPublisher(KafkaSettings.producer(kafka, "datadock-gateway"), prefix));
    this.commands =
        new CommandService(
            publisher,
            views.replies(),
            views.resources(),
            config.replyTimeout(),
            new ReplayAwareDeadlines(
                views.replays(),
                config.replyTimeout(),
                REPLAY_RESUME,
                REPLAY_HOLD,
                System::nanoTime),
            config.replyMode(),
            metrics);
    this.authorizer = new Authorizer(views.directory());
    this.replay = opened.add(new ReplayCoordinator(kafka, prefix, config.replayTargets()));
  }

  IdentityWriter identityWriter() {
    return identityWriter;
  }

  /**
   * @param readiness the checks {@code /readyz} answers with
   */
  ApiComponents components(Vertx vertx, Map<String, BooleanSupplier> readiness) {
    UnsanitizeClient resolution = new UnsanitizeClient(vertx, config.resolutionUrl());
    return new ApiComponents(
        new ApiComponents.Admission(
            new ApiKeyVerifier(views.directory(), new AdminTokenVerifier(config.adminToken())),
            rateLimiter(),
            authorizer,
            config.maxBodyBytes()),
        new ApiComponents.Operations(readiness, views::resourcesCaughtUp, metrics),
        new ResourceApi.Services(
            applyService(), views.resources(), views::resourcesSynced, resolution::unsanitize),
        new ApiComponents.Catalog(views.catalog(), publisher),
        new IdentityServices(
            views.directory(), identityWriter, new AccessRevalidation(views.resources(), commands)),
        replay);
  }

  /** Validated documents are authorized against the resource they would replace, if any. */
  private ApplyService applyService() {
    return new ApplyService(
        new ManifestParser(ManifestLimits.defaults().withMaxBytes(config.maxBodyBytes())),
        views.keys(),
        commands,
        DEPOT_STATUS_WAIT,
        (caller, intent) ->
            authorizer.apply(
                caller, intent, views.resources().get(intent.key().toString()).orElse(null)));
  }

  private RateLimiter rateLimiter() {
    RateLimiter limiter = new RateLimiter(config.tenantRequestsPerSecond(), System::nanoTime);
    Gauge.builder("datadock.ratelimit.buckets", limiter, RateLimiter::size)
        .description("request budgets held by the rate limiter")
        .register(metrics);
    return limiter;
  }

  @Override
  public void close() {
    opened.close();
  }
}
