package io.datadock.local.cluster;

import io.datadock.runtime.config.Setting;
import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.KafkaSettings;
import io.datadock.runtime.kafka.embedded.BrokerCredentials;
import io.datadock.runtime.kafka.embedded.KraftStorage;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * A Kafka cluster of combined broker+controller KRaft nodes on loopback, each its own JVM ({@code
 * java kafka.Kafka server.properties}, from this JVM's classpath): for tests that need replication,
 * leader changes and more than one broker, without Docker.
 *
 * <p>Every node is formatted with the same cluster id and the same static controller quorum;
 * internal topics have one replica per node (RF 3 with three nodes) and need two in sync.
 */
public final class KafkaClusterProcesses implements AutoCloseable {

  private static final List<String> JVM_OPTIONS =
      List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

  private final List<ChildJvm> nodes;
  private final Path dir;
  private final String bootstrapServers;
  private final ChildJit jit;

  /** The users and TLS material of a secured cluster; null on a plain one. */
  private final BrokerCredentials credentials;

  private final ClusterTls tls;

  private KafkaClusterProcesses(
      List<ChildJvm> nodes,
      Path dir,
      String bootstrapServers,
      BrokerCredentials credentials,
      ClusterTls tls,
      ChildJit jit) {
    this.nodes = new ArrayList<>(nodes);
    this.jit = jit;
    this.dir = dir;
    this.bootstrapServers = bootstrapServers;
    this.credentials = credentials;
    this.tls = tls;
  }

  /**
   * Formats and starts {@code count} plain (PLAINTEXT) nodes under {@code dir} and returns once
   * every broker is registered and unfenced.
   */
  public static KafkaClusterProcesses start(Path dir, int count, Duration timeout) {
    return start(dir, count, timeout, ChildJit.QUICK_START);
  }

  /** As {@link #start(Path, int, Duration)}, the nodes compiling as {@code jit} says. */
  public static KafkaClusterProcesses start(Path dir, int count, Duration timeout, ChildJit jit) {
    return start(dir, count, timeout, null, null, jit);
  }

  /**
   * As {@link #start}, secured as a deployment is: clients on SASL_SSL, the brokers among
   * themselves on SASL_PLAINTEXT on loopback, both with SCRAM-SHA-512 (the users' passwords
   * generated into {@code dir/credentials}), the standard authorizer, no ACL yet ({@code
   * KafkaSetup} applies them as {@link KafkaPrincipal#OPERATOR}).
   */
  public static KafkaClusterProcesses startSecured(Path dir, int count, Duration timeout) {
    return start(
        dir,
        count,
        timeout,
        BrokerCredentials.loadOrCreate(dir.resolve("credentials")),
        ClusterTls.create(dir.resolve("tls")),
        ChildJit.QUICK_START);
  }

  private static KafkaClusterProcesses start(
      Path dir,
      int count,
      Duration timeout,
      BrokerCredentials credentials,
      ClusterTls tls,
      ChildJit jit) {
    String clusterId = Uuid.randomUuid().toString();
    int[] free = FreePorts.pickDistinct(3 * count);
    int[] brokerPorts = Arrays.copyOfRange(free, 0, count);
    int[] controllerPorts = Arrays.copyOfRange(free, count, 2 * count);
    int[] internalPorts = Arrays.copyOfRange(free, 2 * count, 3 * count);
    String voters =
        IntStream.range(0, count)
            .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
            .collect(Collectors.joining(","));
    List<ChildJvm> started = new ArrayList<>();
    String bootstrap =
        IntStream.range(0, count)
            .mapToObj(i -> "127.0.0.1:" + brokerPorts[i])
            .collect(Collectors.joining(","));
    try {
      for (int i = 0; i < count; i++) {
        int nodeId = i + 1;
        Path home = home(dir, nodeId);
        Path logDir = home.resolve("log");
        Files.createDirectories(logDir);
        Properties props =
            NodeProperties.of(nodeId, count, logDir, brokerPorts[i], controllerPorts[i], voters);
        if (credentials != null) {
          NodeProperties.secure(
              props, credentials, tls, brokerPorts[i], internalPorts[i], controllerPorts[i]);
        }
        Path file = home.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
          props.store(out, "kafka node " + nodeId + " of " + count);
        }
        KraftStorage.format(
            clusterId,
            nodeId,
            logDir,
            credentials == null ? List.of() : credentials.formatterArguments());
        started.add(startNode(dir, nodeId, jit));
      }
      KafkaClusterProcesses cluster =
          new KafkaClusterProcesses(started, dir, bootstrap, credentials, tls, jit);
      cluster.awaitBrokers(count, timeout);
      return cluster;
    } catch (IOException e) {
      started.forEach(ChildJvm::close);
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      String tails = started.stream().map(n -> n.tail(30)).collect(Collectors.joining());
      started.forEach(ChildJvm::close);
      throw new IllegalStateException("the Kafka cluster did not start\n" + tails, e);
    }
  }

  /**
   * The directory of node {@code nodeId} (1-based) under {@code dir}: its {@code server.properties}
   * and its log directory {@code log} (the metadata log too). A caller may mount a file system
   * there before {@link #start}; the node's output and log files are outside it.
   */
  public static Path home(Path dir, int nodeId) {
    return dir.resolve("kafka-" + nodeId);
  }

  private static ChildJvm startNode(Path dir, int nodeId, ChildJit jit) {
    Path file = home(dir, nodeId).resolve("server.properties");
    return ChildJvm.start(
        "kafka-" + nodeId,
        dir,
        jit.after(JVM_OPTIONS),
        "kafka.Kafka",
        List.of(file.toString()),
        Map.of());
  }

  /** {@code kill -9} of node {@code nodeId} (1-based), its log directory kept for a restart. */
  public synchronized void kill(int nodeId) {
    nodes.get(nodeId - 1).kill();
  }

  /** A graceful stop of node {@code nodeId}: it hands its leaderships over before exiting. */
  public synchronized void stop(int nodeId) {
    nodes.get(nodeId - 1).stop();
  }

  /** Starts a killed node again on its log directory; returns once every broker is registered. */
  public synchronized void restart(int nodeId, Duration timeout) {
    if (nodes.get(nodeId - 1).isAlive()) {
      throw new IllegalStateException("kafka-" + nodeId + " is running");
    }
    nodes.set(nodeId - 1, startNode(dir, nodeId, jit));
    awaitBrokers(nodes.size(), timeout);
  }

  private void awaitBrokers(int count, Duration timeout) {
    // listening first (quietly), then registered and unfenced as the admin client sees it
    Poll.until(
        "every broker listening",
        timeout,
        Duration.ofMillis(200),
        () -> {
          nodes().forEach(ChildJvm::assertAlive);
          return Arrays.stream(bootstrapServers.split(",")).allMatch(this::listening);
        });
    try (Admin admin = admin()) {
      Poll.until(
          "every broker registered",
          timeout,
          Duration.ofMillis(200),
          () -> {
            nodes().forEach(ChildJvm::assertAlive);
            return registeredBrokers(admin) == count;
          });
    }
  }

  private boolean listening(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
          500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int registeredBrokers(Admin admin) throws InterruptedException {
    try {
      return admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
          .nodes()
          .get(3, TimeUnit.SECONDS)
          .size();
    } catch (ExecutionException | TimeoutException e) {
      return 0; // not reachable yet
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** An admin client on this cluster (as the operator when secured); the caller closes it. */
  public Admin admin() {
    Map<String, Object> config = KafkaSettings.admin(connection(KafkaPrincipal.OPERATOR));
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return Admin.create(config);
  }

  /**
   * A connection as {@code principal} (SASL_SSL, trusting the cluster's CA); plain if not secured.
   */
  public KafkaConnection connection(KafkaPrincipal principal) {
    return credentials == null
        ? KafkaConnection.plain(bootstrapServers)
        : credentials
            .connection(bootstrapServers, SecurityProtocol.SASL_SSL, principal)
            .trusting(tls.caPem());
  }

  /** The certificate clients trust (PEM) on a secured cluster. */
  public Optional<Path> caPem() {
    return Optional.ofNullable(tls).map(ClusterTls::caPem);
  }

  /**
   * The environment a service connects as {@code principal} with ({@code KAFKA_BOOTSTRAP_SERVERS},
   * and on a secured cluster {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*}, {@code
   * KAFKA_SSL_CA_FILE}).
   */
  public Map<String, String> environment(KafkaPrincipal principal) {
    Map<String, String> env = new HashMap<>();
    env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.variable(), bootstrapServers);
    if (credentials != null) {
      env.put(Setting.KAFKA_SECURITY_PROTOCOL.variable(), SecurityProtocol.SASL_SSL.name);
      env.put(Setting.KAFKA_SASL_USERNAME.variable(), principal.user());
      env.put(
          Setting.KAFKA_SASL_PASSWORD_FILE.variable(),
          credentials.passwordFile(principal).toString());
      env.put(Setting.KAFKA_SSL_CA_FILE.variable(), tls.caPem().toString());
    }
    return env;
  }

  public synchronized List<ChildJvm> nodes() {
    return List.copyOf(nodes);
  }

  /** The last lines of every node's output and log. */
  public String tails(int lines) {
    return nodes().stream().map(n -> n.tail(lines)).collect(Collectors.joining());
  }

  /** Stops every node at once ({@code kill -9}): nothing is kept after a test or run. */
  @Override
  public void close() {
    nodes().forEach(ChildJvm::close);
  }
}
