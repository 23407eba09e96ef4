package io.datadock.local;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_KAFKA_PORT;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.CATALOG_SCANNER;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.DEPOT_SERVICE;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.GATEWAY;
import static io.datadock.runtime.kafka.security.KafkaPrincipal.SECRET_SERVICE;

import io.datadock.catalog.app.CatalogScanner;
import io.datadock.catalog.app.CatalogScannerConfig;
import io.datadock.connectors.egress.EgressPolicy.Mode;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.depot.app.DepotService;
import io.datadock.depot.app.DepotServiceConfig;
import io.datadock.gateway.app.GatewayConfig;
import io.datadock.gateway.app.GatewayServer;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.secret.app.SecretService;
import io.datadock.secret.app.SecretServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Datadock in one JVM: a real single-node KRaft broker (or the Kafka cluster {@code
 * KAFKA_BOOTSTRAP_SERVERS} names), the topics, every service and the gateway. Used by the {@code
 * datadock-local} launcher, the integration tests and the benchmark alike. Its checks and scans run
 * under the local egress policy (loopback and private ranges allowed unless denied) and never reach
 * the platform's own listeners, which are added as each one starts.
 */
public final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  private final PlatformKafka kafka;

  /** The embedded broker; null on an external cluster. */
  private final EmbeddedKafkaBroker broker;

  private final SecretService secretService;
  private final DepotService depotService;
  private final CatalogScanner catalogScanner;
  private final GatewayServer gateway;
  private final String adminToken;

  private Platform(
      PlatformKafka kafka,
      SecretService secretService,
      DepotService depotService,
      CatalogScanner catalogScanner,
      GatewayServer gateway,
      String token) {
    this.kafka = kafka;
    this.broker = kafka.broker();
    this.secretService = secretService;
    this.depotService = depotService;
    this.catalogScanner = catalogScanner;
    this.gateway = gateway;
    this.adminToken = token;
  }

  /**
   * Starts the platform. Each service reads its configuration record from {@code options}'
   * environment, as it would alone, with what the launcher owns set over it ({@link
   * LauncherSettings}).
   *
   * @throws io.datadock.runtime.config.ConfigurationException naming a missing or bad variable
   */
  public static Platform start(PlatformOptions options) {
    long started = System.nanoTime();
    Path dataDir = options.dataDir().toAbsolutePath();
    Settings given = options.settings();
    String token = AdminToken.resolve(given.optional(DATADOCK_ADMIN_TOKEN).orElse(null), dataDir);
    // Services in this JVM resolve credentials with a token that lives as long as the process.
    Settings settings =
        LauncherSettings.signingKey(
            LauncherSettings.over(given, dataDir, token, AdminToken.generate()), dataDir);
    Optional<String> external = LauncherSettings.externalKafka(given);
    int kafkaPort = settings.port(DATADOCK_KAFKA_PORT, null);
    PlatformEndpoints listeners = new PlatformEndpoints();
    PlatformKafka kafka =
        external.isPresent()
            ? PlatformKafka.external(settings)
            : PlatformKafka.embedded(dataDir.resolve("kafka"), kafkaPort);
    EmbeddedKafkaBroker broker = kafka.broker();
    if (broker != null) {
      listeners
          .addHostPorts("kafka", broker.bootstrapServers())
          .addLocal("kafka controller", broker.controllerPort());
    }
    SecretService secrets = null;
    DepotService depots = null;
    CatalogScanner scanner = null;
    GatewayServer gateway = null;
    try {
      String bootstrap = kafka.bootstrapServers();
      settings = LauncherSettings.onKafka(settings, bootstrap, broker != null);
      kafka.prepare(settings);
      // every listener's port is known before anything starts, so the services start at once
      settings = LauncherSettings.portsPicked(settings);
      SecretServiceConfig secretConfig =
          SecretServiceConfig.from(kafka.as(settings, SECRET_SERVICE));
      listeners.addLocal("secret-service resolution", secretConfig.resolutionPort());
      settings =
          LauncherSettings.resolvingAt(
              settings, "http://localhost:" + secretConfig.resolutionPort());
      GatewayConfig gatewayConfig = GatewayConfig.from(kafka.as(settings, GATEWAY));
      listeners.addLocal("gateway", gatewayConfig.port());
      Settings withFreeMetricsPort = LauncherSettings.freeMetricsPort(settings);
      DepotServiceConfig depotConfig =
          DepotServiceConfig.from(kafka.as(withFreeMetricsPort, DEPOT_SERVICE), Mode.LOCAL);
      createDefaultFileRoot(depotConfig.egress(), dataDir);
      secrets = new SecretService(secretConfig);
      depots = new DepotService(depotConfig, listeners);
      scanner =
          new CatalogScanner(
              CatalogScannerConfig.from(kafka.as(withFreeMetricsPort, CATALOG_SCANNER), Mode.LOCAL),
              listeners);
      SecretService secretService = secrets;
      DepotService depotService = depots;
      CatalogScanner catalogScanner = scanner;
      Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
      if (broker != null) {
        checks.put("broker", broker::isRunning);
      }
      checks.put("secretService", secretService::isRunning);
      checks.put("depotService", depotService::isRunning);
      checks.put("catalogScanner", catalogScanner::isRunning);
      gateway = new GatewayServer(gatewayConfig, checks);
      GatewayServer gatewayServer = gateway;
      new ParallelStart()
          .add("secret-service", secretService::start)
          .add("depot-service", depotService::start)
          .add("catalog-scanner", catalogScanner::start)
          .add("gateway", gatewayServer::start)
          .run();
      Platform platform = new Platform(kafka, secrets, depots, scanner, gateway, token);
      if (options.cliConfig() != null) {
        CliProfile.write(options.cliConfig(), platform.gatewayUrl(), token);
      }
      LOG.info(
          "platform started gateway={} kafka={} in {} ms",
          platform.gatewayUrl(),
          bootstrap,
          (System.nanoTime() - started) / 1_000_000);
      return platform;
    } catch (RuntimeException e) {
      closeQuietly(gateway);
      closeQuietly(scanner);
      closeQuietly(depots);
      closeQuietly(secrets);
      closeQuietly(broker);
      throw e;
    }
  }

  /** The default file root, {@code <data dir>/files}, exists when it is one of the roots. */
  private static void createDefaultFileRoot(EgressSettings egress, Path dataDir) {
    Path files = dataDir.resolve("files");
    if (egress.fileRoots().contains(files)) {
      try {
        Files.createDirectories(files);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the file root " + files, e);
      }
    }
  }

  /** True when the broker, every Streams app and the gateway's views are ready. */
  public boolean ready() {
    return (broker == null || broker.isRunning())
        && secretService.isRunning()
        && depotService.isRunning()
        && catalogScanner.isRunning()
        && gateway.ready();
  }

  /** Completes once every Streams app is RUNNING and the gateway is ready. */
  public CompletableFuture<Void> whenReady() {
    return CompletableFuture.allOf(
        secretService.running(),
        depotService.running(),
        catalogScanner.running(),
        gateway.whenReady());
  }

  public String gatewayUrl() {
    return "http://localhost:" + gateway.port();
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /**
   * A connection as {@code principal} on the embedded broker (tests and tools use the operator); on
   * an external cluster, the environment's.
   */
  public KafkaConnection kafka(KafkaPrincipal principal) {
    return kafka.connection(principal);
  }

  /**
   * The client properties file of the read-only principal, for downstream consumers of the public
   * topics; null on an external cluster.
   */
  public Path readerProperties() {
    return kafka.readerProperties();
  }

  /** Where secret-service answers credential resolutions (internal, not through the gateway). */
  public String resolutionUrl() {
    return "http://localhost:" + secretService.resolutionPort();
  }

  /**
   * Where each service answers {@code GET /metrics} (Prometheus): the gateway on its operations
   * listener, not on the API's port.
   */
  public Map<String, String> metricsUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("gateway", "http://localhost:" + gateway.metricsPort() + "/metrics");
    urls.put("secret-service", resolutionUrl() + "/metrics");
    urls.put("depot-service", "http://localhost:" + depotService.metricsPort() + "/metrics");
    urls.put("catalog-scanner", "http://localhost:" + catalogScanner.metricsPort() + "/metrics");
    return urls;
  }

  /** Where secret-service, depot-service and the catalog scanner answer with a state digest. */
  public Map<String, String> stateDigestUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    urls.put("secret-service", resolutionUrl() + "/internal/v1/state/digest");
    urls.put("depot-service", "http://localhost:" + depotService.metricsPort() + "/state/digest");
    urls.put(
        "catalog-scanner", "http://localhost:" + catalogScanner.metricsPort() + "/state/digest");
    return urls;
  }

  public String adminToken() {
    return adminToken;
  }

  @Override
  public void close() {
    closeQuietly(gateway);
    closeQuietly(catalogScanner);
    closeQuietly(depotService);
    closeQuietly(secretService);
    closeQuietly(broker);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
    }
  }
}
