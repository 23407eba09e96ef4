package io.datadock.gateway.app;

import io.datadock.core.manifest.ManifestLimits;
import io.datadock.core.manifest.ManifestParser;
import io.datadock.gateway.apply.ApplyService;
import io.datadock.gateway.apply.CommandService;
import io.datadock.gateway.auth.AdminTokenVerifier;
import io.datadock.gateway.auth.ApiKeyVerifier;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.http.HttpApi;
import io.datadock.gateway.identity.AccessRevalidation;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.kafka.ReplyRouter;
import io.datadock.gateway.limits.RateLimiter;
import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.sealing.PublicKeyDirectory;
import io.datadock.gateway.secrets.UnsanitizeClient;
import io.datadock.gateway.view.CatalogView;
import io.datadock.gateway.view.ResourceView;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.kafka.TopicTail;
import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.datadock.schemas.identity.Tenant;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway process: Kafka clients (command publisher, reply router, read view, key directory),
 * the Vert.x HTTP server of the API on top of them, and an operations listener on its own port
 * ({@code /metrics}, {@code /healthz}, {@code /readyz}) that the API port does not serve.
 */
public final class GatewayServer implements AutoCloseable {

  /**
   * The longest an apply with {@code wait=true} waits for a depot to become active or fail: a
   * connection check's own timeout (10 s) plus the saga's hops, with room to spare.
   */
  static final java.time.Duration DEPOT_STATUS_WAIT = java.time.Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final GatewayConfig config;
  private final Map<String, BooleanSupplier> extraReadiness;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private Vertx vertx;
  private int port;
  private TopicTail<?, ?> viewTail;
  private TopicTail<?, ?> repliesTail;
  private TopicTail<?, ?> catalogTail;
  private IdentityDirectory directory;
  private PrometheusMeterRegistry metrics;
  private MetricsServer operations;
  private CompletableFuture<Void> identityReady = new CompletableFuture<>();
  private PublicKeyDirectory keys;

  /**
   * @param extraReadiness checks of the platform around the gateway (broker, Streams apps) that
   *     {@code /readyz} includes; empty for a standalone gateway
   */
  public GatewayServer(GatewayConfig config, Map<String, BooleanSupplier> extraReadiness) {
    this.config = config;
    this.extraReadiness = extraReadiness;
  }

  public GatewayServer start() {
    String prefix = config.topicPrefix();
    String bootstrap = config.bootstrapServers();
    ReplyRouter replies = new ReplyRouter();
    metrics = ServiceMetrics.registry("gateway");
    ResourceView view = new ResourceView();
    keys = new PublicKeyDirectory();
    repliesTail =
        tail(bootstrap, prefix, Topics.COMMAND_RESULTS, TopicTail.From.END, replies::onRecord);
    viewTail =
        tail(bootstrap, prefix, Topics.RESOURCE_STATE, TopicTail.From.BEGINNING, view::onRecord);
    tail(bootstrap, prefix, Topics.SECRET_KEYS, TopicTail.From.BEGINNING, keys::onRecord);
    directory = new IdentityDirectory(bootstrap, prefix, Clock.systemUTC()).start();
    IdentityWriter identityWriter = new IdentityWriter(bootstrap, prefix);
    closeables.add(identityWriter);
    closeables.add(directory);
    identityReady = bootstrapTenant(identityWriter);
    Authorizer authorizer = new Authorizer(directory);
    CatalogView catalog = new CatalogView();
    catalogTail =
        tail(
            bootstrap,
            prefix,
            Topics.CATALOG_DATASETS,
            TopicTail.From.BEGINNING,
            catalog::onDataset);
    tail(bootstrap, prefix, Topics.CATALOG_EVENTS, TopicTail.From.BEGINNING, catalog::onEvent);
    CommandPublisher publisher =
        new CommandPublisher(KafkaSettings.producer(bootstrap, "datadock-gateway"), prefix);
    closeables.add(publisher);

    CommandService commands =
        new CommandService(
            publisher, replies, view, config.replyTimeout(), config.replyMode(), metrics);
    ApplyService applyService =
        new ApplyService(
            new ManifestParser(ManifestLimits.defaults().withMaxBytes(config.maxBodyBytes())),
            keys,
            commands,
            DEPOT_STATUS_WAIT,
            (caller, intent) ->
                authorizer.apply(caller, intent, view.get(intent.key().toString()).orElse(null)));
    RateLimiter limiter = new RateLimiter(config.tenantRequestsPerSecond(), System::nanoTime);
    Gauge.builder("datadock.ratelimit.buckets", limiter, RateLimiter::size)
        .description("request budgets held by the rate limiter")
        .register(metrics);
    Map<String, BooleanSupplier> readiness = new LinkedHashMap<>(extraReadiness);
    readiness.put("replies", () -> repliesTail.caughtUp().isDone());
    readiness.put("readView", () -> viewTail.caughtUp().isDone());
    readiness.put("catalogView", () -> catalogTail.caughtUp().isDone());
    readiness.put("identity", () -> identityReady.isDone());
    readiness.put("sealingKey", () -> keys.current().isPresent());
    ReplayCoordinator replay =
        new ReplayCoordinator(bootstrap, prefix, ReplayTargets.fromEnv(System.getenv()));
    closeables.add(replay);
    vertx = Vertx.vertx();
    HttpApi api =
        new HttpApi(
            applyService,
            view,
            new ApiKeyVerifier(directory, new AdminTokenVerifier(config.adminToken())),
            readiness,
            config.maxBodyBytes(),
            new UnsanitizeClient(vertx, config.resolutionUrl()),
            catalog,
            publisher,
            new IdentityServices(directory, identityWriter, new AccessRevalidation(view, commands)),
            limiter,
            metrics,
            replay);

    port = config.port() == 0 ? FreePorts.pick() : config.port();
    Future<String> deployed =
        vertx.deployVerticle(
            () -> new HttpVerticle(api, port),
            new DeploymentOptions().setInstances(config.httpInstances()));
    try {
      deployed.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("gateway HTTP server did not start on port " + port, e);
    }
    operations = new MetricsServer(metrics, config.metricsPort(), this::ready);
    closeables.add(operations);
    LOG.info(
        "gateway listening port={} metricsPort={} replyMode={}",
        port,
        operations.port(),
        config.replyMode());
    return this;
  }

  /**
   * A fresh installation has one tenant, {@code default}, created once the directory has read the
   * tenants topic (so a restart does not write it again).
   */
  private CompletableFuture<Void> bootstrapTenant(IdentityWriter writer) {
    return directory
        .caughtUp()
        .thenCompose(
            v ->
                directory.tenantExists(AdminTokenVerifier.DEFAULT_TENANT)
                    ? CompletableFuture.completedFuture(null)
                    : writer
                        .tenant(
                            Tenant.newBuilder()
                                .setName(AdminTokenVerifier.DEFAULT_TENANT)
                                .setCreatedAt(System.currentTimeMillis())
                                .setCreatedBy(AdminTokenVerifier.ADMIN_ID)
                                .build())
                        .thenCompose(w -> directory.sync()));
  }

  /** True once the view and replies are caught up and a sealing key is known. */
  public boolean ready() {
    return repliesTail != null
        && repliesTail.caughtUp().isDone()
        && viewTail.caughtUp().isDone()
        && identityReady.isDone()
        && keys.current().isPresent();
  }

  /** Completes once {@link #ready()} holds: replies and view caught up, a sealing key known. */
  public CompletableFuture<Void> whenReady() {
    return CompletableFuture.allOf(
        repliesTail.caughtUp(), viewTail.caughtUp(), keys.known(), identityReady);
  }

  public int port() {
    return port;
  }

  /** The operations listener's port: {@code /metrics}, {@code /healthz}, {@code /readyz}. */
  public int metricsPort() {
    return operations.port();
  }

  private <V> TopicTail<String, V> tail(
      String bootstrap,
      String prefix,
      Topic<String, V> topic,
      TopicTail.From from,
      Consumer<ConsumerRecord<String, V>> handler) {
    TopicTail<String, V> tail =
        new TopicTail<>(
            KafkaSettings.consumer(bootstrap, null),
            topic.name(prefix),
            topic.keySerde().deserializer(),
            topic.valueSerde().deserializer(),
            from,
            handler);
    closeables.add(tail);
    return tail.start();
  }

  @Override
  public void close() {
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("vertx did not close cleanly", e);
      }
      vertx = null;
    }
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
      }
    }
    closeables.clear();
  }

  /** One HTTP server instance per event loop; all share the port. */
  private static final class HttpVerticle extends VerticleBase {
    private final HttpApi api;
    private final int port;

    HttpVerticle(HttpApi api, int port) {
      this.api = api;
      this.port = port;
    }

    @Override
    public Future<?> start() {
      Router router = api.router(vertx);
      return vertx
          .createHttpServer(new HttpServerOptions().setHost("0.0.0.0").setPort(port))
          .requestHandler(router)
          .listen();
    }
  }

  public static void main(String[] args) {
    GatewayConfig config = GatewayConfig.fromEnv(System.getenv());
    TopicProvisioner.ensureTopicsFromEnv(
        System.getenv(), config.bootstrapServers(), config.topicPrefix());
    GatewayServer server = new GatewayServer(config, Map.of()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gateway-shutdown"));
  }
}
