package io.datadock.local.cluster;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.SigningKey;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Datadock's services as processes of their own on a {@link KafkaClusterProcesses} cluster, each
 * started by its production main class: secret-service instances sharing one mounted sealing key,
 * depot-service instances each resolving through "its" secret-service, gateways. Every instance
 * keeps its name, ports and data directory across a kill and a restart, as a deployment would.
 */
public final class ServiceProcesses implements AutoCloseable {

  /**
   * Every full collection compacts the whole heap ({@code MarkSweepAlwaysCompactCount=1}): by
   * default the serial collector compacts fully only every fourth time and otherwise leaves up to 5
   * % of the heap's dead objects in place as filler {@code int[]}s, which a class histogram counts
   * as live. The soak's heap after GC then swung by 2 MB between samples of a gateway. A process
   * out of heap exits rather than running on with the thread that failed gone, as a deployment's
   * should (deploy.md).
   */
  private static final List<String> SERVICE_JVM =
      List.of(
          "-Xms64m",
          "-Xmx384m",
          "-XX:+UseSerialGC",
          "-XX:MarkSweepAlwaysCompactCount=1",
          "-XX:+ExitOnOutOfMemoryError");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dir;
  private final KafkaClusterProcesses kafka;
  private final Map<String, String> shared;
  private final Path sealingKey;
  private final Path signingKey;
  private final String trustAnchor;
  private final Map<String, Integer> ports = new HashMap<>();
  private final Map<String, Supplier<ChildJvm>> starters = new LinkedHashMap<>();
  private final Map<String, ChildJvm> running = new LinkedHashMap<>();
  private final List<String> jvmOptions;

  /**
   * @param kafka the cluster; on a secured one each instance connects as its service's principal
   * @param shared environment every instance gets (session timeout, partitions, replication, ...)
   */
  public ServiceProcesses(
      Path dir, KafkaClusterProcesses kafka, String adminToken, Map<String, String> shared) {
    this(dir, kafka, adminToken, shared, ChildJit.QUICK_START);
  }

  /**
   * As {@link #ServiceProcesses(Path, KafkaClusterProcesses, String, Map)}, compiling as {@code
   * jit} says.
   */
  public ServiceProcesses(
      Path dir,
      KafkaClusterProcesses kafka,
      String adminToken,
      Map<String, String> shared,
      ChildJit jit) {
    this.jvmOptions = jit.after(SERVICE_JVM);
    this.dir = dir;
    this.kafka = kafka;
    this.shared = new HashMap<>(shared);
    this.shared.put("DATADOCK_SERVICE_TOKEN", "service-token-" + UUID.randomUUID());
    this.shared.put("DATADOCK_ADMIN_TOKEN", adminToken);
    // As deployed: the sealing key is a secret every secret-service instance mounts (read-only).
    this.sealingKey = dir.resolve("sealing-key.secret");
    KeyRing.newKeyFile(sealingKey);
    // secret-service signs its key announcements; gateways seal only to keys this anchor signed
    this.signingKey = dir.resolve("signing-key.secret");
    this.trustAnchor = SigningKey.loadOrCreate(signingKey).fingerprint();
  }

  /** The fingerprint of the key that signs secret-service's announcements. */
  public String trustAnchor() {
    return trustAnchor;
  }

  public String serviceToken() {
    return shared.get("DATADOCK_SERVICE_TOKEN");
  }

  /** secret-service instance {@code secret-<n>}: resolution and digests on its own port. */
  public ChildJvm startSecretService(int n) {
    String id = "secret-" + n;
    Map<String, String> env = env(id, KafkaPrincipal.SECRET_SERVICE);
    env.put("DATADOCK_SECRET_KEY_DIR", dir.resolve("secret-keys").toString());
    env.put("DATADOCK_SECRET_KEY_FILE", sealingKey.toString());
    env.put("DATADOCK_KEY_SIGNING_KEY_FILE", signingKey.toString());
    env.put("DATADOCK_RESOLUTION_PORT", String.valueOf(port(id)));
    env.put("DATADOCK_ADVERTISED_HOST", "127.0.0.1");
    return start(id, "io.datadock.secret.app.SecretService", env);
  }

  /** depot-service instance {@code depot-<n>}, resolving through {@code secret-<n>}. */
  public ChildJvm startDepotService(int n, Path fileRoot) {
    String id = "depot-" + n;
    Map<String, String> env = env(id, KafkaPrincipal.DEPOT_SERVICE);
    env.put("DATADOCK_METRICS_PORT", String.valueOf(port(id)));
    env.put("DATADOCK_ADVERTISED_HOST", "127.0.0.1");
    env.put("DATADOCK_RESOLUTION_URL", url("secret-" + n));
    env.put("DATADOCK_FILE_ROOTS", fileRoot.toString());
    return start(id, "io.datadock.depot.app.DepotService", env);
  }

  /**
   * Catalog scanner {@code scanner-<n>}, resolving through {@code secret-<n>}, rescanning every
   * active depot each {@code rescanInterval}; {@code /readyz} on {@link #url}.
   */
  public ChildJvm startCatalogScanner(int n, Path fileRoot, Duration rescanInterval) {
    String id = "scanner-" + n;
    Map<String, String> env = env(id, KafkaPrincipal.CATALOG_SCANNER);
    env.put("DATADOCK_METRICS_PORT", String.valueOf(port(id)));
    env.put("DATADOCK_RESOLUTION_URL", url("secret-" + n));
    env.put("DATADOCK_FILE_ROOTS", fileRoot.toString());
    env.put("DATADOCK_RESCAN_INTERVAL_MS", String.valueOf(rescanInterval.toMillis()));
    return start(id, "io.datadock.catalog.app.CatalogScanner", env);
  }

  /** Gateway {@code gateway-<n>}: its API on {@link #url}, {@code /readyz} on its metrics port. */
  public ChildJvm startGateway(int n) {
    String id = "gateway-" + n;
    Map<String, String> env = env(id, KafkaPrincipal.GATEWAY);
    env.put("DATADOCK_GATEWAY_PORT", String.valueOf(port(id)));
    env.put("DATADOCK_METRICS_PORT", String.valueOf(port(id + "-ops")));
    env.put("DATADOCK_SECRET_RESOLUTION_URL", url("secret-" + n));
    env.put("DATADOCK_TENANT_RATE_LIMIT", "0");
    env.put("DATADOCK_KEY_TRUST_ANCHOR", trustAnchor);
    return start(id, "io.datadock.gateway.app.GatewayServer", env);
  }

  /**
   * Whether instance {@code id} answers ready: secret-service when its store answers a digest
   * (Streams running), depot-service, scanners and gateways on their {@code /readyz}.
   */
  public boolean ready(String id) {
    String url =
        id.startsWith("secret")
            ? url(id) + "/internal/v1/state/digest"
            : id.startsWith("gateway") ? url(id + "-ops") + "/readyz" : url(id) + "/readyz";
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Where instance {@code id} answers: resolution, metrics or the gateway's API. */
  public String url(String id) {
    return "http://127.0.0.1:" + port(id);
  }

  public synchronized ChildJvm get(String id) {
    return running.get(id);
  }

  public synchronized List<String> ids() {
    return List.copyOf(running.keySet());
  }

  /** Starts a killed instance again, with the same name, ports and data directory. */
  public synchronized ChildJvm restart(String id) {
    ChildJvm old = running.get(id);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException(id + " is running");
    }
    ChildJvm started = starters.get(id).get();
    running.put(id, started);
    return started;
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The last lines of every instance's output and log. */
  public synchronized String tails(int lines) {
    StringBuilder b = new StringBuilder();
    running.values().forEach(p -> b.append(p.tail(lines)));
    return b.toString();
  }

  private synchronized ChildJvm start(String id, String mainClass, Map<String, String> env) {
    Supplier<ChildJvm> starter =
        () -> ChildJvm.start(id, dir, jvmOptions, mainClass, List.of(), env);
    starters.put(id, starter);
    ChildJvm started = starter.get();
    running.put(id, started);
    return started;
  }

  private Map<String, String> env(String id, KafkaPrincipal principal) {
    Map<String, String> env = new HashMap<>(shared);
    env.putAll(kafka.environment(principal));
    env.put("DATADOCK_INSTANCE_ID", id);
    env.put("DATADOCK_DATA_DIR", dir.resolve(id).toString());
    return env;
  }

  private synchronized int port(String id) {
    return ports.computeIfAbsent(id, i -> FreePorts.pick());
  }

  @Override
  public synchronized void close() {
    running.values().forEach(ChildJvm::close);
  }
}
