package io.datadock.gateway.app;

import io.datadock.gateway.http.HttpApi;
import io.datadock.runtime.config.MainConfiguration;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway process and its lifecycle: its read side ({@link GatewayViews}), the services built
 * on it ({@link GatewayWiring}), the Vert.x HTTP server of the API, and an operations listener on
 * its own port ({@code /metrics}, {@code /healthz}, {@code /readyz}) that the API port does not
 * serve. Configured by a {@link GatewayConfig}; {@link #main} reads it from the environment.
 */
public final class GatewayServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final GatewayConfig config;
  private final Map<String, BooleanSupplier> extraReadiness;
  private final Closeables opened = new Closeables();
  private Vertx vertx;
  private int port;
  private GatewayViews views;
  private MetricsServer operations;
  private CompletableFuture<Void> identityReady = new CompletableFuture<>();

  /**
   * @param extraReadiness checks of the platform around the gateway (broker, Streams apps) that
   *     {@code /readyz} includes; empty for a standalone gateway
   */
  public GatewayServer(GatewayConfig config, Map<String, BooleanSupplier> extraReadiness) {
    this.config = config;
    this.extraReadiness = extraReadiness;
  }

  public GatewayServer start() {
    PrometheusMeterRegistry metrics = ServiceMetrics.registry("gateway");
    views =
        opened.add(
            GatewayViews.start(
                config.kafka(), config.topicPrefix(), config.keyTrustAnchor(), metrics));
    GatewayWiring wiring = opened.add(new GatewayWiring(config, views, metrics));
    identityReady = DefaultTenant.ensure(views.directory(), wiring.identityWriter());
    vertx = Vertx.vertx();
    HttpApi api = new HttpApi(wiring.components(vertx, readiness()));
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
    operations = opened.add(new MetricsServer(metrics, config.metricsPort(), this::ready));
    LOG.info(
        "gateway listening port={} metricsPort={} replyMode={}",
        port,
        operations.port(),
        config.replyMode());
    return this;
  }

  /** What {@code /readyz} checks: the platform's, then the gateway's own. */
  private Map<String, BooleanSupplier> readiness() {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>(extraReadiness);
    checks.putAll(views.readiness());
    checks.put("identity", () -> identityReady.isDone());
    checks.put("sealingKey", () -> views.keys().current().isPresent());
    return checks;
  }

  /** True once the view and replies are caught up and a sealing key is known. */
  public boolean ready() {
    return views != null
        && views.repliesCaughtUp()
        && views.resourcesCaughtUp()
        && identityReady.isDone()
        && views.keys().current().isPresent();
  }

  /** Completes once {@link #ready()} holds: replies and view caught up, a sealing key known. */
  public CompletableFuture<Void> whenReady() {
    return CompletableFuture.allOf(views.caughtUp(), views.keys().known(), identityReady);
  }

  public int port() {
    return port;
  }

  /** The operations listener's port: {@code /metrics}, {@code /healthz}, {@code /readyz}. */
  public int metricsPort() {
    return operations.port();
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
    opened.close();
  }

  /** The standalone gateway: configuration read once, here, from the environment. */
  public static void main(String[] args) {
    GatewayConfig config = MainConfiguration.read(GatewayConfig::from);
    TopicProvisioner.ensureTopics(config.kafka(), config.topicPrefix(), config.topics());
    GatewayServer server = new GatewayServer(config, Map.of()).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gateway-shutdown"));
  }
}
