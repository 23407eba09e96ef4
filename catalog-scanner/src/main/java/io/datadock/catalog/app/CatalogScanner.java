package io.datadock.catalog.app;

import io.datadock.catalog.scan.CatalogPublisher;
import io.datadock.catalog.scan.ScanJob;
import io.datadock.catalog.scan.ScanTarget;
import io.datadock.catalog.view.CatalogStore;
import io.datadock.catalog.view.DepotDirectory;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.connectors.scan.MetadataScanners;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.OffsetTracker;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.metrics.MetricsServer;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.metrics.StateDigestHandler;
import io.datadock.runtime.replay.ReplayAgent;
import io.datadock.runtime.replay.ReplayBoundary;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.replay.Replayable;
import io.datadock.runtime.replay.StateDigest;
import io.datadock.runtime.replay.StateNotReadableYet;
import io.datadock.runtime.resolution.CredentialResolutionClient;
import io.datadock.schemas.Topics;
import io.datadock.schemas.catalog.ScanRequest;
import io.datadock.schemas.depot.DepotEvent;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog scanner: a consumer group on {@code depot.events} (a scan on every DepotActivated,
 * removal on DepotDeleted) and {@code catalog.scan.requests} (on-demand rescans), plus optional
 * periodic rescans. Scans run on a worker pool, one at a time per depot, in arrival order; offsets
 * are committed once the work they asked for is done.
 */
public final class CatalogScanner implements Replayable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogScanner.class);

  private final CatalogScannerConfig config;
  private final CatalogStore store;
  private final DepotDirectory depots;
  private final CatalogPublisher publisher;
  private final ScanJob job;
  private final ExecutorService workers;
  private final ScheduledExecutorService periodic;
  private final Map<String, CompletableFuture<Void>> perDepot = new ConcurrentHashMap<>();
  private final OffsetTracker offsets = new OffsetTracker();
  private final Map<String, Object> consumerProps;
  private KafkaConsumer<String, byte[]> consumer;
  private KafkaClientMetrics consumerMetrics;
  private Thread loop;
  private final ReplayAgent replay;
  private volatile boolean pauseRequested;
  private boolean pausedNow;
  private volatile CompletableFuture<Set<Integer>> paused = new CompletableFuture<>();
  private final ReplayBoundary boundary = new ReplayBoundary();
  private final Set<String> rescannedInReplay = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<Void> running = new CompletableFuture<>();
  private volatile boolean open = true;
  private final int metricsPort;
  private final PlatformEndpoints platform;
  private final PrometheusMeterRegistry registry;
  private MetricsServer metrics;
  private final java.util.Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile int eventPartitions;

  public CatalogScanner(CatalogScannerConfig config) {
    this(config, 0);
  }

  /**
   * @param metricsPort where {@code /metrics}, {@code /healthz} and {@code /readyz} answer (0: a
   *     free port)
   */
  public CatalogScanner(CatalogScannerConfig config, int metricsPort) {
    this(config, metricsPort, new PlatformEndpoints());
  }

  /**
   * @param platform the platform's own listeners, which scans may not connect to; the scanner adds
   *     the ones it knows (the bootstrap servers, the resolution URL, its metrics port), the caller
   *     may add others, before or after start
   */
  public CatalogScanner(CatalogScannerConfig config, int metricsPort, PlatformEndpoints platform) {
    this.config = config;
    this.metricsPort = metricsPort;
    this.platform =
        platform
            .addHostPorts("kafka", config.bootstrapServers())
            .addUrl("secret-service resolution", config.resolutionUrl())
            .addLocal("catalog-scanner metrics", metricsPort);
    this.registry = ServiceMetrics.registry("catalog-scanner");
    this.store = new CatalogStore(config.bootstrapServers(), config.topicPrefix());
    this.depots = new DepotDirectory(config.bootstrapServers(), config.topicPrefix());
    this.publisher = new CatalogPublisher(config.bootstrapServers(), config.topicPrefix());
    CredentialResolutionClient resolution =
        new CredentialResolutionClient(
            config.resolutionUrl(), config.serviceToken(), Duration.ofSeconds(10));
    this.job =
        new ScanJob(
            store,
            publisher,
            (secret, depot) -> {
              CredentialResolutionClient.Resolved resolved =
                  resolution.resolveWithFiles(secret, "scan", depot);
              return new Credentials(resolved.data(), resolved.files());
            },
            MetadataScanners::forType,
            config.egress().egress(platform),
            config.scanTimeout(),
            Clock.systemUTC(),
            registry);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            config.threads(), r -> daemon(r, "catalog-scan-" + n.incrementAndGet()));
    this.periodic = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "catalog-rescan"));
    this.consumerProps =
        new HashMap<>(KafkaSettings.committedConsumer(config.bootstrapServers(), config.groupId()));
    consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    this.replay =
        new ReplayAgent(
            config.bootstrapServers(),
            config.topicPrefix(),
            ReplayTargets.SCANNER,
            config.instanceId(),
            this,
            Duration.ofMinutes(2));
  }

  /** A new consumer and its poll loop: once at start, again after a replay. */
  private void startLoop() {
    open = true;
    pauseRequested = false;
    pausedNow = false;
    paused = new CompletableFuture<>();
    consumer =
        new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(registry);
    loop = new Thread(this::run, "catalog-scanner");
    loop.start();
  }

  private void stopLoop() {
    open = false;
    consumer.wakeup();
    try {
      loop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumerMetrics.close();
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
    startLoop();
    metrics = new MetricsServer(registry, metricsPort, this::isRunning);
    platform.addLocal("catalog-scanner metrics", metrics.port());
    metrics.mount("/state/digest", new StateDigestHandler(() -> StateDigest.total(digest())));
    if (!config.rescanInterval().isZero()) {
      long every = config.rescanInterval().toMillis();
      periodic.scheduleAtFixedRate(this::rescanAll, every, every, TimeUnit.MILLISECONDS);
    }
    LOG.info("catalog scanner started {}", config);
  }

  /** Completes once the scanner has its partitions and its views are caught up. */
  /** The port of {@code /metrics}. */
  public int metricsPort() {
    return metrics.port();
  }

  public CompletableFuture<Void> running() {
    return CompletableFuture.allOf(running, store.caughtUp(), depots.caughtUp());
  }

  public boolean isRunning() {
    Thread current = loop;
    return running().isDone() && current != null && current.isAlive();
  }

  private void run() {
    String events = Topics.DEPOT_EVENTS.name(config.topicPrefix());
    String requests = Topics.CATALOG_SCAN_REQUESTS.name(config.topicPrefix());
    consumer.subscribe(
        List.of(events, requests),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            offsets.revoked(partitions);
            partitions.stream()
                .filter(p -> p.topic().equals(events))
                .forEach(p -> owned.remove(p.partition()));
          }

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (pausedNow) {
              consumer.pause(partitions);
            }
            eventPartitions = consumer.partitionsFor(events).size();
            partitions.stream()
                .filter(p -> p.topic().equals(events))
                .forEach(p -> owned.add(p.partition()));
            running.complete(null);
          }
        });
    try {
      while (open) {
        if (pauseRequested && !pausedNow) {
          consumer.pause(consumer.assignment());
          pausedNow = true;
          paused.complete(Set.copyOf(owned));
        } else if (!pauseRequested && pausedNow) {
          consumer.resume(consumer.assignment());
          pausedNow = false;
          paused = new CompletableFuture<>();
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.value() != null) {
            dispatch(record, record.topic().equals(events));
          }
        }
        commit();
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("catalog scanner stopped", e);
    } finally {
      commit();
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void dispatch(ConsumerRecord<String, byte[]> record, boolean depotEvent) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Runnable work;
    if (boundary.alreadyProcessed(record.topic(), record.partition(), record.offset())) {
      work = depotEvent ? replayed(record) : null;
    } else if (depotEvent) {
      DepotEvent event =
          Topics.DEPOT_EVENTS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      work =
          switch (event.getType()) {
            case DEPOT_ACTIVATED -> () -> job.scan(ScanTarget.of(event), "activated");
            case DEPOT_DELETED -> () -> removeAll(event.getResourceKey());
            default -> null;
          };
    } else {
      ScanRequest request =
          Topics.CATALOG_SCAN_REQUESTS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      work = () -> rescan(request.getDepotKey(), "requested");
    }
    offsets.started(partition, record.offset());
    if (work == null) {
      // Nothing to do is done at once: the committed offset moves past it (a replay waits for it).
      offsets.finished(partition, record.offset());
      return;
    }
    enqueue(record.key(), work)
        .whenComplete((v, e) -> offsets.finished(partition, record.offset()));
  }

  /**
   * A replay does not act the depots' history out again (deletes and re-creates would rewrite the
   * catalog): each depot active now is rescanned once, at its first event below the boundary.
   */
  private Runnable replayed(ConsumerRecord<String, byte[]> record) {
    String depotKey =
        Topics.DEPOT_EVENTS
            .valueSerde()
            .deserializer()
            .deserialize(record.topic(), record.value())
            .getResourceKey();
    if (depots.activeDepot(depotKey).isEmpty() || !rescannedInReplay.add(depotKey)) {
      return null;
    }
    return () -> rescan(depotKey, "replay");
  }

  /** Runs {@code work} after every earlier piece of work of the same depot. */
  private CompletableFuture<Void> enqueue(String depotKey, Runnable work) {
    return perDepot.compute(
        depotKey,
        (k, previous) ->
            (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                .handle((v, e) -> null)
                .thenRunAsync(
                    () -> {
                      try {
                        work.run();
                      } catch (RuntimeException e) {
                        LOG.error("catalog work failed depot={}", depotKey, e);
                      }
                    },
                    workers));
  }

  private void rescan(String depotKey, String trigger) {
    depots
        .activeDepot(depotKey)
        .ifPresentOrElse(
            target -> job.scan(target, trigger),
            () -> LOG.info("catalog rescan skipped depot={} reason=not active", depotKey));
  }

  /** Every active depot this instance owns (its depot.events partition is assigned here). */
  private void rescanAll() {
    int count = eventPartitions;
    for (ScanTarget target : depots.activeDepots()) {
      if (count > 0 && owned.contains(partitionOf(target.depotKey(), count))) {
        enqueue(target.depotKey(), () -> job.scan(target, "periodic"));
      }
    }
  }

  /** The partition the producers' default partitioner gives a key. */
  private static int partitionOf(String key, int partitions) {
    byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return org.apache.kafka.common.utils.Utils.toPositive(
            org.apache.kafka.common.utils.Utils.murmur2(bytes))
        % partitions;
  }

  private void removeAll(String depotKey) {
    try {
      job.removeAll(depotKey);
    } catch (Exception e) {
      LOG.error("catalog removal failed depot={}", depotKey, e);
    }
  }

  private void commit() {
    var ready = offsets.committable();
    if (!ready.isEmpty()) {
      consumer.commitAsync(ready, null);
    }
  }

  @Override
  public Map<Integer, StateDigest> pauseAndDigest() {
    pauseRequested = true;
    Set<Integer> partitions = await(paused, "pause");
    return digestOf(partitions);
  }

  @Override
  public void unpause() {
    pauseRequested = false;
  }

  @Override
  public void leave() {
    stopLoop();
  }

  /**
   * The scanner keeps no state of its own (the catalog and the depot directory are views of their
   * topics): a rebuild reads {@code depot.events} again from the beginning and rescans every depot
   * active now, once; the scans' diffs against the catalog write only what changed.
   */
  @Override
  public void restart(boolean rebuild, Map<String, Long> committed) {
    if (rebuild) {
      boundary.set(committed);
      rescannedInReplay.clear();
    }
    startLoop();
  }

  @Override
  public Map<Integer, StateDigest> digest() {
    if (!loop.isAlive()) {
      throw new StateNotReadableYet("catalog scanner not running", null);
    }
    return digestOf(Set.copyOf(owned));
  }

  /**
   * By {@code depot.events} partition this instance owns: the datasets of the depots keyed to it,
   * once the scans already started are done and the catalog view has read them back.
   */
  private Map<Integer, StateDigest> digestOf(Set<Integer> partitions) {
    await(CompletableFuture.allOf(perDepot.values().toArray(CompletableFuture[]::new)), "scans");
    await(store.sync(), "catalog");
    int count = eventPartitions;
    Map<Integer, StateDigest.Builder> builders = new TreeMap<>();
    partitions.forEach(p -> builders.put(p, StateDigest.builder()));
    var serializer = Topics.CATALOG_DATASETS.valueSerde().serializer();
    for (String depotKey : store.depotKeys()) {
      StateDigest.Builder builder = builders.get(partitionOf(depotKey, count));
      if (builder != null) {
        new TreeMap<>(store.datasetsOf(depotKey))
            .forEach((key, dataset) -> builder.add(key, serializer.serialize(key, dataset)));
      }
    }
    Map<Integer, StateDigest> digests = new TreeMap<>();
    builders.forEach((p, b) -> digests.put(p, b.build()));
    return digests;
  }

  private static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("catalog scanner: " + what + " not done: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    replay.close();
    if (loop != null) {
      stopLoop();
    }
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
    CatalogScannerConfig config = CatalogScannerConfig.fromEnv(System.getenv());
    TopicProvisioner.ensureTopicsFromEnv(
        System.getenv(), config.bootstrapServers(), config.topicPrefix());
    CatalogScanner scanner =
        new CatalogScanner(
            config,
            Integer.parseInt(System.getenv().getOrDefault("DATADOCK_METRICS_PORT", "9401")));
    Runtime.getRuntime().addShutdownHook(new Thread(scanner::close, "catalog-scanner-shutdown"));
    scanner.start();
  }
}
