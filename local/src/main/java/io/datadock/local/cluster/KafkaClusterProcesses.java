package io.datadock.local.cluster;

import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.embedded.KraftStorage;
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
import java.util.List;
import java.util.Map;
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
      List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final List<ChildJvm> nodes;
  private final Path dir;
  private final String bootstrapServers;

  private KafkaClusterProcesses(List<ChildJvm> nodes, Path dir, String bootstrapServers) {
    this.nodes = new ArrayList<>(nodes);
    this.dir = dir;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats and starts {@code count} nodes under {@code dir} and returns once every broker is
   * registered and unfenced.
   */
  public static KafkaClusterProcesses start(Path dir, int count, Duration timeout) {
    String clusterId = Uuid.randomUuid().toString();
    int[] brokerPorts = IntStream.range(0, count).map(i -> FreePorts.pick()).toArray();
    int[] controllerPorts = IntStream.range(0, count).map(i -> FreePorts.pick()).toArray();
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
        Path home = dir.resolve("kafka-" + nodeId);
        Path logDir = home.resolve("log");
        Files.createDirectories(logDir);
        Properties props =
            properties(nodeId, count, logDir, brokerPorts[i], controllerPorts[i], voters);
        Path file = home.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
          props.store(out, "kafka node " + nodeId + " of " + count);
        }
        KraftStorage.format(clusterId, nodeId, logDir);
        started.add(startNode(dir, nodeId));
      }
      KafkaClusterProcesses cluster = new KafkaClusterProcesses(started, dir, bootstrap);
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

  private static ChildJvm startNode(Path dir, int nodeId) {
    Path file = dir.resolve("kafka-" + nodeId).resolve("server.properties");
    return ChildJvm.start(
        "kafka-" + nodeId, dir, JVM_OPTIONS, "kafka.Kafka", List.of(file.toString()), Map.of());
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
    nodes.set(nodeId - 1, startNode(dir, nodeId));
    awaitBrokers(nodes.size(), timeout);
  }

  private static Properties properties(
      int nodeId, int count, Path logDir, int brokerPort, int controllerPort, String voters) {
    String replicas = String.valueOf(count);
    String minIsr = String.valueOf(Math.max(1, count - 1));
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("controller.quorum.voters", voters);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    p.put("default.replication.factor", replicas);
    p.put("min.insync.replicas", minIsr);
    p.put("offsets.topic.replication.factor", replicas);
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "6");
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // Transactions left open by a killed producer are aborted soon after they time out.
    p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "2000");
    // Small machine: few threads per node.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.replica.fetchers", "1");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return p;
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

  /** An admin client on this cluster; the caller closes it. */
  public Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000));
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
