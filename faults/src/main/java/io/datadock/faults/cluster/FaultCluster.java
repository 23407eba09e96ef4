package io.datadock.faults.cluster;

import io.datadock.faults.disk.BrokerDisks;
import io.datadock.local.cluster.ChildJit;
import io.datadock.local.cluster.ChildJvm;
import io.datadock.local.cluster.KafkaClusterProcesses;
import io.datadock.local.cluster.ServiceProcesses;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import io.datadock.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The cluster the faults hit: 3 KRaft brokers (RF 3, min ISR 2), two instances each of
 * secret-service and depot-service, two gateways, every one a process of its own on loopback. A
 * soak may ask for one broker instead (RF 1): the same services at several times the rate this
 * machine's two cores give three replicating brokers, with no broker fault to inject.
 */
public final class FaultCluster implements AutoCloseable {

  public static final int PARTITIONS = 6;

  /** The brokers of the fault schedule's cluster: a leader can die and the topics stay up. */
  public static final int BROKERS = 3;

  /** The services' session: the broker's minimum, so a dead or paused instance is noticed soon. */
  public static final Duration SESSION = Duration.ofSeconds(6);

  public static final List<String> SERVICES = List.of("secret-1", "secret-2", "depot-1", "depot-2");
  public static final List<String> GATEWAYS = List.of("gateway-1", "gateway-2");

  private final KafkaClusterProcesses kafka;
  private final ServiceProcesses services;
  private final Admin admin;
  private final Path fileRoot;
  private final int brokers;

  /** The brokers' small file systems; null when their log directories are on the run's disk. */
  private final BrokerDisks disks;

  private FaultCluster(
      KafkaClusterProcesses kafka,
      ServiceProcesses services,
      Admin admin,
      Path fileRoot,
      int brokers,
      BrokerDisks disks) {
    this.kafka = kafka;
    this.services = services;
    this.admin = admin;
    this.fileRoot = fileRoot;
    this.brokers = brokers;
    this.disks = disks;
  }

  public static FaultCluster start(Path dir, String adminToken) throws IOException {
    return start(dir, adminToken, null, false);
  }

  /**
   * @param rescanInterval when not null, a catalog scanner too ({@code scanner-1}), rescanning
   *     every active depot this often
   * @param smallDisks each broker's log directory on a small file system of its own ({@link
   *     BrokerDisks}: needs the right to mount), for {@code FILL_DISK}
   */
  public static FaultCluster start(
      Path dir, String adminToken, Duration rescanInterval, boolean smallDisks) throws IOException {
    return start(dir, adminToken, rescanInterval, smallDisks, ChildJit.QUICK_START);
  }

  /**
   * As {@link #start(Path, String, Duration, boolean)}, every process compiling as {@code jit}
   * says.
   */
  public static FaultCluster start(
      Path dir, String adminToken, Duration rescanInterval, boolean smallDisks, ChildJit jit)
      throws IOException {
    return start(dir, adminToken, rescanInterval, smallDisks, jit, BROKERS);
  }

  /** As the others, on {@code brokers} brokers (1 or {@link #BROKERS}), every topic on each. */
  public static FaultCluster start(
      Path dir,
      String adminToken,
      Duration rescanInterval,
      boolean smallDisks,
      ChildJit jit,
      int brokers)
      throws IOException {
    if (brokers != 1 && brokers != BROKERS) {
      throw new IllegalArgumentException("brokers: 1 or " + BROKERS + ", not " + brokers);
    }
    BrokerDisks disks = smallDisks ? BrokerDisks.mount(dir, brokers) : null;
    KafkaClusterProcesses kafka;
    try {
      kafka = KafkaClusterProcesses.start(dir, brokers, Duration.ofSeconds(120), jit);
    } catch (RuntimeException e) {
      closeDisks(disks);
      throw e;
    }
    ServiceProcesses services = null;
    try {
      TopicProvisioner.ensureTopics(
          kafka.connection(KafkaPrincipal.OPERATOR),
          Topics.DEFAULT_PREFIX,
          PARTITIONS,
          (short) brokers);
      Path files = Files.createDirectories(dir.resolve("files"));
      Files.writeString(files.resolve("orders.csv"), "id,amount\n1,10\n");
      services =
          new ServiceProcesses(
              dir,
              kafka,
              adminToken,
              Map.of(
                  "DATADOCK_TOPIC_PARTITIONS", String.valueOf(PARTITIONS),
                  "DATADOCK_TOPIC_REPLICATION", String.valueOf(brokers),
                  "DATADOCK_SESSION_TIMEOUT_MS", String.valueOf(SESSION.toMillis())),
              jit);
      services.startSecretService(1);
      services.startSecretService(2);
      services.startDepotService(1, files);
      services.startDepotService(2, files);
      services.startGateway(1);
      services.startGateway(2);
      if (rescanInterval != null) {
        services.startCatalogScanner(1, files, rescanInterval);
      }
      FaultCluster cluster =
          new FaultCluster(kafka, services, kafka.admin(), files, brokers, disks);
      cluster.awaitReady(Duration.ofSeconds(180));
      return cluster;
    } catch (RuntimeException | IOException e) {
      if (services != null) {
        System.err.println(services.tails(30));
        services.close();
      }
      kafka.close();
      closeDisks(disks);
      throw e;
    }
  }

  private static void closeDisks(BrokerDisks disks) {
    if (disks != null) {
      disks.close();
    }
  }

  /** Every instance alive and answering ready. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String id : services.ids()) {
      while (!ready(id)) {
        services.get(id).assertAlive();
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(id + " not ready within " + timeout + "\n" + tails());
        }
        pause(250);
      }
    }
  }

  public boolean ready(String id) {
    return services.ready(id);
  }

  /** The node id (1-based) of the broker leading partition 0 of secret-service's commands. */
  public int leaderBroker() throws Exception {
    String topic = Topics.SECRET_COMMANDS.name(Topics.DEFAULT_PREFIX);
    TopicDescription d =
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    return d.partitions().get(0).leader().id();
  }

  public int brokers() {
    return brokers;
  }

  public KafkaClusterProcesses kafka() {
    return kafka;
  }

  public ServiceProcesses services() {
    return services;
  }

  public ChildJvm process(String id) {
    return services.get(id);
  }

  public List<String> gatewayUrls() {
    return GATEWAYS.stream().map(services::url).toList();
  }

  /** The brokers' small file systems, if the cluster was started on them. */
  public Optional<BrokerDisks> disks() {
    return Optional.ofNullable(disks);
  }

  public Path fileRoot() {
    return fileRoot;
  }

  public String tails() {
    return services.tails(30) + kafka.tails(20);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    admin.close();
    services.close();
    kafka.close(); // waits for every broker to exit: nothing holds a file on the disks then
    closeDisks(disks);
  }
}
