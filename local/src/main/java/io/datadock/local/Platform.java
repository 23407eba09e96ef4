package io.datadock.local;

import io.datadock.catalog.app.CatalogScanner;
import io.datadock.catalog.app.CatalogScannerConfig;
import io.datadock.connectors.egress.Cidr;
import io.datadock.connectors.egress.EgressPolicy;
import io.datadock.connectors.egress.EgressSettings;
import io.datadock.connectors.egress.PlatformEndpoints;
import io.datadock.depot.app.DepotService;
import io.datadock.depot.app.DepotServiceConfig;
import io.datadock.gateway.app.GatewayConfig;
import io.datadock.gateway.app.GatewayServer;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.kafka.embedded.EmbeddedKafkaBroker;
import io.datadock.schemas.Topics;
import io.datadock.secret.app.SecretService;
import io.datadock.secret.app.SecretServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Datadock in one JVM: a real single-node KRaft broker (or an external Kafka cluster,
 * {@link PlatformOptions#withExternalKafka}), the topics, every service and the gateway. Used by
 * the {@code datadock-local} launcher, the integration tests and the benchmark alike. Its checks
 * and scans run under the local egress policy (loopback and private ranges allowed unless denied)
 * and never reach the platform's own listeners, which are added as each one starts.
 */
public final class Platform implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  /** The embedded broker; null on an external cluster. */
  private final EmbeddedKafkaBroker broker;

  private final String bootstrapServers;
  private final SecretService secretService;
  private final DepotService depotService;
  private final CatalogScanner catalogScanner;
  private final GatewayServer gateway;
  private final String adminToken;

  private Platform(
      EmbeddedKafkaBroker broker,
      String bootstrapServers,
      SecretService secretService,
      DepotService depotService,
      CatalogScanner catalogScanner,
      GatewayServer gateway,
      String token) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.secretService = secretService;
    this.depotService = depotService;
    this.catalogScanner = catalogScanner;
    this.gateway = gateway;
    this.adminToken = token;
  }

  public static Platform start(PlatformOptions options) {
    long started = System.nanoTime();
    Path dataDir = options.dataDir().toAbsolutePath();
    String token = AdminToken.resolve(options.adminToken(), dataDir);
    // Services in this JVM resolve credentials with a token that lives as long as the process.
    String serviceToken = AdminToken.generate();
    boolean external = options.externalKafka() != null;
    PlatformEndpoints listeners = new PlatformEndpoints();
    EgressSettings egress = egress(options.connectors(), dataDir);
    if (options.gatewayPort() > 0) {
      listeners.addLocal("gateway", options.gatewayPort());
    }
    EmbeddedKafkaBroker broker =
        external ? null : EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), options.kafkaPort());
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
      String bootstrap = external ? options.externalKafka() : broker.bootstrapServers();
      // an external cluster's topics get its default replication factor (0), the embedded one 1
      TopicProvisioner.ensureTopics(
          bootstrap, Topics.DEFAULT_PREFIX, options.partitions(), (short) (external ? 0 : 1));
      secrets =
          new SecretService(
              SecretServiceConfig.defaults(bootstrap, dataDir)
                  .withCallerTokens(SecretServiceConfig.callerTokens(serviceToken, token)));
      secrets.start();
      SecretService secretService = secrets;
      listeners.addLocal("secret-service resolution", secretService.resolutionPort());
      depots =
          new DepotService(
              DepotServiceConfig.defaults(
                      bootstrap,
                      dataDir,
                      "http://localhost:" + secretService.resolutionPort(),
                      serviceToken)
                  .withEgress(egress),
              0,
              listeners);
      depots.start();
      DepotService depotService = depots;
      scanner =
          new CatalogScanner(
              CatalogScannerConfig.defaults(
                      bootstrap, "http://localhost:" + secretService.resolutionPort(), serviceToken)
                  .withRescanInterval(options.rescanInterval())
                  .withEgress(egress),
              0,
              listeners);
      scanner.start();
      CatalogScanner catalogScanner = scanner;
      Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
      if (broker != null) {
        checks.put("broker", broker::isRunning);
      }
      checks.put("secretService", secretService::isRunning);
      checks.put("depotService", depotService::isRunning);
      checks.put("catalogScanner", catalogScanner::isRunning);
      gateway =
          new GatewayServer(
                  GatewayConfig.defaults(options.gatewayPort(), bootstrap, token)
                      .withReplyTimeout(options.replyTimeout())
                      .withReplyMode(options.replyMode())
                      .withTenantRate(options.tenantRate())
                      .withResolutionUrl("http://localhost:" + secretService.resolutionPort()),
                  checks)
              .start();
      listeners.addLocal("gateway", gateway.port());
      Platform platform = new Platform(broker, bootstrap, secrets, depots, scanner, gateway, token);
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

  /**
   * The local egress settings: loopback and private ranges allowed unless denied; file roots as
   * given, else {@code <data dir>/files} (created).
   */
  private static EgressSettings egress(PlatformOptions.ConnectorSettings settings, Path dataDir) {
    List<Path> roots = settings.fileRoots();
    if (roots.isEmpty()) {
      Path files = dataDir.resolve("files");
      try {
        Files.createDirectories(files);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the file root " + files, e);
      }
      roots = List.of(files);
    }
    return new EgressSettings(
        EgressPolicy.Mode.LOCAL,
        Cidr.parseAll(settings.egressAllow()),
        Cidr.parseAll(settings.egressDeny()),
        roots);
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
    return bootstrapServers;
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
