package io.datadock.bench;

import static io.datadock.runtime.config.Setting.DATADOCK_ADMIN_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_DATA_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_DEPOT_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_FILE_ROOTS;
import static io.datadock.runtime.config.Setting.DATADOCK_GATEWAY_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_INSTANCE_ID;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_SIGNING_KEY_FILE;
import static io.datadock.runtime.config.Setting.DATADOCK_KEY_TRUST_ANCHOR;
import static io.datadock.runtime.config.Setting.DATADOCK_METRICS_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_PORT;
import static io.datadock.runtime.config.Setting.DATADOCK_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_KEY_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_RESOLUTION_URL;
import static io.datadock.runtime.config.Setting.DATADOCK_SECRET_STATE_DIR;
import static io.datadock.runtime.config.Setting.DATADOCK_SERVICE_TOKEN;
import static io.datadock.runtime.config.Setting.DATADOCK_TENANT_RATE_LIMIT;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_PARTITIONS;
import static io.datadock.runtime.config.Setting.DATADOCK_TOPIC_REPLICATION;
import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;

import io.datadock.catalog.app.CatalogScanner;
import io.datadock.core.crypto.SigningKey;
import io.datadock.depot.app.DepotService;
import io.datadock.gateway.app.GatewayServer;
import io.datadock.local.cluster.ChildJvm;
import io.datadock.runtime.config.Setting;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.secret.app.SecretService;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The platform's services each in a JVM of its own (production main classes, {@code -Xmx} the heap
 * target), started on the topics a stopped embedded platform left: each rebuilds its state from
 * them, and is then measured alone. The launcher's data dir keeps the sealing keys; the stores are
 * rebuilt in fresh directories.
 */
final class SeparateServices implements AutoCloseable {

  /** What one service holds once it is ready. */
  record Footprint(String service, long readyMillis, long liveHeapBytes, long rssBytes) {}

  private final List<ChildJvm> jvms = new ArrayList<>();
  private final Map<ChildJvm, BooleanSupplier> readiness = new LinkedHashMap<>();
  private final GatewayCalls http;
  private final Map<String, Long> expectedEntries;
  private final Path dir;
  private final List<String> jvmOptions;

  private SeparateServices(
      String token, Map<String, Long> expectedEntries, Path dir, List<String> jvmOptions) {
    this.http = new GatewayCalls(token);
    this.expectedEntries = expectedEntries;
    this.dir = dir;
    this.jvmOptions = jvmOptions;
  }

  /**
   * @param platformDir the stopped platform's data dir (its sealing keys and file root)
   * @param dir where the services' own state and output go
   */
  static SeparateServices start(
      String bootstrap,
      Path platformDir,
      Path dir,
      String token,
      List<String> jvmOptions,
      Map<String, Long> expectedEntries) {
    SeparateServices services = new SeparateServices(token, expectedEntries, dir, jvmOptions);
    Map<String, String> common = new HashMap<>();
    put(common, KAFKA_BOOTSTRAP_SERVERS, bootstrap);
    put(common, DATADOCK_ADMIN_TOKEN, token);
    put(common, DATADOCK_SERVICE_TOKEN, "bench-service-" + UUID.randomUUID());
    // the embedded platform's instance id: each replaces its static group member at once
    put(common, DATADOCK_INSTANCE_ID, "local");
    put(common, DATADOCK_TOPIC_PARTITIONS, 4);
    put(common, DATADOCK_TOPIC_REPLICATION, 1);
    put(common, DATADOCK_TENANT_RATE_LIMIT, 0);
    put(common, DATADOCK_FILE_ROOTS, platformDir.resolve("files"));
    int resolution = FreePorts.pick();
    String resolutionUrl = "http://localhost:" + resolution;

    Path signingKey = platformDir.resolve("secret-service").resolve("signing.key");
    Map<String, String> secret = env(common, dir, "secret-service");
    put(secret, DATADOCK_KEY_SIGNING_KEY_FILE, signingKey);
    put(secret, DATADOCK_SECRET_KEY_DIR, platformDir.resolve("secret-service").resolve("keys"));
    put(secret, DATADOCK_SECRET_STATE_DIR, dir.resolve("secret-service").resolve("state"));
    put(secret, DATADOCK_RESOLUTION_PORT, resolution);
    services.start(
        "secret-service", SecretService.class, secret, resolutionUrl + "/internal/v1/state/digest");

    Map<String, String> depot = env(common, dir, "depot-service");
    put(depot, DATADOCK_DEPOT_STATE_DIR, dir.resolve("depot-service").resolve("state"));
    services.startResolving(
        "depot-service", DepotService.class, depot, resolutionUrl, "/state/digest");
    // its digest answers only between scans, and it may still be scanning the last depots
    services.startResolving(
        "catalog-scanner",
        CatalogScanner.class,
        env(common, dir, "catalog-scanner"),
        resolutionUrl,
        "/readyz");

    int gatewayOps = FreePorts.pick();
    Map<String, String> gateway = env(common, dir, "gateway");
    put(gateway, DATADOCK_GATEWAY_PORT, FreePorts.pick());
    put(gateway, DATADOCK_METRICS_PORT, gatewayOps);
    put(gateway, DATADOCK_SECRET_RESOLUTION_URL, resolutionUrl);
    put(gateway, DATADOCK_KEY_TRUST_ANCHOR, SigningKey.loadOrCreate(signingKey).fingerprint());
    services.start(
        "gateway", GatewayServer.class, gateway, "http://localhost:" + gatewayOps + "/readyz");
    return services;
  }

  /**
   * depot-service or the scanner: resolving credentials at {@code resolutionUrl}, ready when {@code
   * readyPath} on its metrics listener answers.
   */
  private void startResolving(
      String name, Class<?> main, Map<String, String> env, String resolutionUrl, String readyPath) {
    int port = FreePorts.pick();
    put(env, DATADOCK_RESOLUTION_URL, resolutionUrl);
    put(env, DATADOCK_METRICS_PORT, port);
    start(name, main, env, "http://localhost:" + port + readyPath);
  }

  /** Starts {@code main} in a JVM of its own. */
  private void start(String name, Class<?> main, Map<String, String> env, String readyUrl) {
    ChildJvm jvm = ChildJvm.start(name, dir, jvmOptions, main.getName(), List.of(), env);
    jvms.add(jvm);
    Long expected = expectedEntries.get(name);
    readiness.put(
        jvm,
        expected == null
            ? () -> http.answers(readyUrl)
            : () ->
                http.answers(readyUrl)
                    && expected.equals(new JsonObject(http.get(readyUrl)).getLong("entries")));
  }

  /**
   * Waits for each service to be ready and hold what the platform held (secret-service and
   * depot-service: their state digest counts the expected entries; the gateway and the scanner:
   * {@code /readyz}, the gateway's views loaded), then measures each.
   */
  List<Footprint> awaitAndMeasure(long startedNanos, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    Map<String, Long> ready = new LinkedHashMap<>();
    while (ready.size() < jvms.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not ready in time: " + ready.keySet());
      }
      for (ChildJvm jvm : jvms) {
        jvm.assertAlive();
        if (!ready.containsKey(jvm.name()) && readiness.get(jvm).getAsBoolean()) {
          ready.put(jvm.name(), (System.nanoTime() - startedNanos) / 1_000_000);
        }
      }
      Thread.sleep(200); // polling interval of a readiness probe, not synchronization
    }
    List<Footprint> figures = new ArrayList<>();
    for (ChildJvm jvm : jvms) {
      figures.add(
          new Footprint(
              jvm.name(),
              ready.get(jvm.name()),
              ProcessMemory.liveHeapBytes(jvm.pid()),
              ProcessMemory.rssBytes(jvm.pid())));
    }
    return figures;
  }

  private static Map<String, String> env(Map<String, String> common, Path dir, String name) {
    Map<String, String> env = new HashMap<>(common);
    put(env, DATADOCK_DATA_DIR, dir.resolve(name));
    return env;
  }

  private static void put(Map<String, String> env, Setting setting, Object value) {
    env.put(setting.variable(), String.valueOf(value));
  }

  @Override
  public void close() {
    for (int i = jvms.size() - 1; i >= 0; i--) {
      jvms.get(i).close();
    }
  }
}
