package io.datadock.depot.app;

import io.datadock.connectors.egress.EgressPolicy.Mode;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.family.SourceFamilies;
import io.datadock.depot.topology.DepotTopology;
import io.datadock.depot.validation.CheckRunner;
import io.datadock.depot.validation.CredentialResolver;
import io.datadock.depot.validation.ValidationRequestConsumer;
import io.datadock.runtime.config.MainConfiguration;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.metrics.StateDigestHandler;
import io.datadock.runtime.replay.ReplayAgent;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.runtime.streams.StoreDigest;
import io.datadock.runtime.streams.StreamsApp;
import io.datadock.runtime.streams.StreamsSettings;
import io.datadock.schemas.Topics;
import io.datadock.schemas.depot.DepotState;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * depot-service: the depot lifecycle and reference saga (a Kafka Streams application with
 * exactly-once processing) and its connection validator (a consumer group running checks on a
 * worker pool, off the stream threads).
 */
public final class DepotService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DepotService.class);

  private final DepotServiceConfig config;
  private final CompletableFuture<Void> running = new CompletableFuture<>();
  private StreamsApp app;
  private ReplayAgent replay;
  private ValidationRequestConsumer validator;

  private final PlatformEndpoints platform;
  private MetricsServer metrics;

  public DepotService(DepotServiceConfig config) {
    this(config, new PlatformEndpoints());
  }

  /**
   * @param platform the platform's own listeners, which checks may not connect to; this service
   *     adds the ones it knows (the bootstrap servers, the resolution URL, its metrics port), the
   *     caller may add others, before or after start
   */
  public DepotService(DepotServiceConfig config, PlatformEndpoints platform) {
    this.config = config;
    this.platform = platform;
  }

  /** The port of {@code /metrics}. */
  public int metricsPort() {
    return metrics.port();
  }

  public void start() {
    platform
        .addHostPorts("kafka", config.kafka().bootstrapServers())
        .addUrl("secret-service resolution", config.resolutionUrl());
    if (config.metricsPort() > 0) {
      platform.addLocal("depot-service metrics", config.metricsPort());
    }
    CheckRunner runner =
        new CheckRunner(
            CredentialResolver.of(
                new CredentialResolutionClient(
                    config.resolutionUrl(), config.serviceToken(), Duration.ofSeconds(10))),
            SourceFamilies::check,
            config.egress().egress(platform),
            config.checkTimeout(),
            Clock.systemUTC());
    validator =
        new ValidationRequestConsumer(
            config.kafka(),
            config.topicPrefix(),
            config.applicationId() + "-validator",
            new ValidationRequestConsumer.GroupMember(config.instanceId(), config.sessionTimeout()),
            runner,
            config.checkTimeout(),
            config.checkThreads());
    validator.start();
    PrometheusMeterRegistry registry = ServiceMetrics.registry("depot-service");
    // listening before the Streams app joins its group: peers knock on it (DeadMemberFencer)
    metrics = new MetricsServer(registry, config.metricsPort(), this::isRunning);
    platform.addLocal("depot-service metrics", metrics.port());
    Properties props =
        StreamsSettings.exactlyOnce(
            config.applicationId(),
            config.instanceId(),
            config.kafka(),
            config.stateDir(),
            config.commitIntervalMs(),
            config.streamThreads(),
            config.sessionTimeout());
    props.put(
        StreamsConfig.APPLICATION_SERVER_CONFIG, config.advertisedHost() + ":" + metrics.port());
    app =
        new StreamsApp(
            "depot-service",
            boundary -> DepotTopology.build(config.topicPrefix(), boundary),
            props,
            registry,
            streams ->
                StoreDigest.byPartition(
                    streams,
                    DepotTopology.DEPOTS_STORE,
                    Topics.avro(DepotState.class).serializer()));
    app.running().thenRun(() -> running.complete(null));
    metrics.mount("/state/digest", new StateDigestHandler(app::totalDigest));
    replay =
        new ReplayAgent(
            config.kafka(),
            config.topicPrefix(),
            ReplayTargets.DEPOT,
            config.instanceId(),
            app,
            Duration.ofMinutes(2));
    replay.start().join();
    app.start();
    app.fenceDeadPeers(config.kafka(), config.sessionTimeout());
    LOG.info("depot-service started {} metricsPort={}", config, metrics.port());
  }

  /** Completes the first time the Streams app is RUNNING (its tasks assigned and restored). */
  public CompletableFuture<Void> running() {
    return running;
  }

  public boolean isRunning() {
    return app != null && app.isRunning();
  }

  @Override
  public void close() {
    if (metrics != null) {
      metrics.close();
    }
    if (validator != null) {
      validator.close();
    }
    if (replay != null) {
      replay.close();
    }
    if (app != null) {
      app.close();
    }
  }

  public static void main(String[] args) {
    DepotServiceConfig config =
        MainConfiguration.read(settings -> DepotServiceConfig.from(settings, Mode.STANDALONE));
    TopicProvisioner.ensureTopics(config.kafka(), config.topicPrefix(), config.topics());
    DepotService service = new DepotService(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "depot-service-shutdown"));
    service.start();
  }
}
