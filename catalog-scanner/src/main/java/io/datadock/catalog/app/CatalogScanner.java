package io.datadock.catalog.app;

import io.datadock.catalog.replay.ScannerReplay;
import io.datadock.catalog.scan.CatalogPublisher;
import io.datadock.catalog.scan.ScanJob;
import io.datadock.catalog.trigger.DepotOwnership;
import io.datadock.catalog.trigger.TriggerLoop;
import io.datadock.catalog.trigger.Triggers;
import io.datadock.catalog.view.CatalogStore;
import io.datadock.catalog.view.DepotDirectory;
import io.datadock.catalog.work.DepotWorkQueue;
import io.datadock.catalog.work.PeriodicRescan;
import io.datadock.catalog.work.WorkRunner;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.egress.EgressPolicy.Mode;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.family.SourceFamilies;
import io.datadock.runtime.config.MainConfiguration;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.metrics.StateDigestHandler;
import io.datadock.runtime.replay.ReplayAgent;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.schemas.Topics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog scanner, wired: a consumer group on {@code depot.events} (a scan on every
 * DepotActivated, removal on DepotDeleted) and {@code catalog.scan.requests} (on-demand rescans),
 * plus optional periodic rescans ({@link TriggerLoop}, {@link PeriodicRescan}). Scans run on a
 * worker pool, one at a time per depot, in arrival order ({@link DepotWorkQueue}); offsets are
 * committed once the work they asked for is done. Replays through {@link ScannerReplay}.
 */
public final class CatalogScanner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogScanner.class);

  private final CatalogScannerConfig config;
  private final PlatformEndpoints platform;
  private final PrometheusMeterRegistry registry = ServiceMetrics.registry("catalog-scanner");
  private final CatalogStore store;
  private final DepotDirectory depots;
  private final CatalogPublisher publisher;
  private final ExecutorService workers;
  private final ScheduledExecutorService periodic;
  private final TriggerLoop loop;
  private final PeriodicRescan rescans;
  private final ScannerReplay replayable;
  private final ReplayAgent replay;
  private MetricsServer metrics;

  public CatalogScanner(CatalogScannerConfig config) {
    this(config, new PlatformEndpoints());
  }

  /**
   * @param platform the platform's own listeners, which scans may not connect to; the scanner adds
   *     the ones it knows (the bootstrap servers, the resolution URL, its metrics port), the caller
   *     may add others, before or after start
   */
  public CatalogScanner(CatalogScannerConfig config, PlatformEndpoints platform) {
    this.config = config;
    this.platform =
        platform
            .addHostPorts("kafka", config.kafka().bootstrapServers())
            .addUrl("secret-service resolution", config.resolutionUrl())
            .addLocal("catalog-scanner metrics", config.metricsPort());
    this.store = new CatalogStore(config.kafka(), config.topicPrefix());
    this.depots = new DepotDirectory(config.kafka(), config.topicPrefix());
    this.publisher = new CatalogPublisher(config.kafka(), config.topicPrefix());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            config.threads(), r -> daemon(r, "catalog-scan-" + n.incrementAndGet()));
    this.periodic = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "catalog-rescan"));
    DepotWorkQueue queue =
        new DepotWorkQueue(workers, new WorkRunner(scanJob(), depots::activeDepot)::run);
    DepotOwnership ownership = new DepotOwnership();
    String depotEvents = Topics.DEPOT_EVENTS.name(config.topicPrefix());
    Triggers triggers = new Triggers(depotEvents, key -> depots.activeDepot(key).isPresent());
    Map<String, Object> consumer =
        new HashMap<>(
            KafkaSettings.staticMember(
                config.kafka(), config.groupId(), config.instanceId(), config.sessionTimeout()));
    consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.loop =
        new TriggerLoop(
            consumer,
            registry,
            depotEvents,
            Topics.CATALOG_SCAN_REQUESTS.name(config.topicPrefix()),
            triggers,
            queue,
            ownership);
    this.rescans =
        new PeriodicRescan(config.rescanInterval(), depots::activeDepots, ownership::owns, queue);
    this.replayable = new ScannerReplay(loop, triggers, queue, store, ownership);
    this.replay =
        new ReplayAgent(
            config.kafka(),
            config.topicPrefix(),
            ReplayTargets.SCANNER,
            config.instanceId(),
            replayable,
            Duration.ofMinutes(2));
  }

  private ScanJob scanJob() {
    CredentialResolutionClient resolution =
        new CredentialResolutionClient(
            config.resolutionUrl(), config.serviceToken(), Duration.ofSeconds(10));
    return new ScanJob(
        store,
        publisher,
        (secret, depot) -> {
          CredentialResolutionClient.Resolved resolved =
              resolution.resolveWithFiles(secret, "scan", depot);
          return new Credentials(resolved.data(), resolved.files());
        },
        SourceFamilies.scanners(config.objectBudgets().everyDepot()),
        config.objectBudgets(),
        config.egress().egress(platform),
        config.scanTimeout(),
        Clock.systemUTC(),
        registry);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public void start() {
    store.start();
    depots.start();
    replay.start().join();
    loop.start();
    metrics = new MetricsServer(registry, config.metricsPort(), this::isRunning);
    platform.addLocal("catalog-scanner metrics", metrics.port());
    metrics.mount(
        "/state/digest", new StateDigestHandler(() -> StateDigest.total(replayable.digest())));
    rescans.scheduleOn(periodic);
    LOG.info("catalog scanner started {}", config);
  }

  /** The port of {@code /metrics}. */
  public int metricsPort() {
    return metrics.port();
  }

  /** Completes once the scanner has its partitions and its views are caught up. */
  public CompletableFuture<Void> running() {
    return CompletableFuture.allOf(loop.assigned(), store.caughtUp(), depots.caughtUp());
  }

  public boolean isRunning() {
    return running().isDone() && loop.isAlive();
  }

  @Override
  public void close() {
    replay.close();
    loop.stop();
    if (metrics != null) {
      metrics.close();
    }
    periodic.shutdownNow();
    workers.shutdownNow();
    try {
      // a scan in flight finishes its writes (or notices the interrupt) before the producer goes
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
    store.close();
    depots.close();
  }

  public static void main(String[] args) {
    CatalogScannerConfig config =
        MainConfiguration.read(settings -> CatalogScannerConfig.from(settings, Mode.STANDALONE));
    TopicProvisioner.ensureTopics(config.kafka(), config.topicPrefix(), config.topics());
    CatalogScanner scanner = new CatalogScanner(config);
    Runtime.getRuntime().addShutdownHook(new Thread(scanner::close, "catalog-scanner-shutdown"));
    scanner.start();
  }
}
