package io.datadock.connectors.scan.kafka;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.kafka.KafkaClients;
import io.datadock.connectors.kafka.KafkaClients.Broker;
import io.datadock.connectors.kafka.KafkaClients.Reach;
import io.datadock.connectors.scan.DatasetKind;
import io.datadock.connectors.scan.DatasetMeta;
import io.datadock.connectors.scan.MetadataScanner;
import io.datadock.connectors.scan.ScanFilter;
import io.datadock.connectors.scan.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka: {@code listTopics} without internal topics (nor any name starting with "__"), then one
 * {@code describeTopics} for their partition counts. Every topic is a {@link DatasetKind#TOPIC} in
 * collection "default", with no columns and properties {@code partitions} and {@code
 * replication_factor}. Brokers, security, timeouts and the egress decisions (every broker, then
 * every node {@code describeCluster} names, before the listing) are the connection check's ({@link
 * KafkaClients}).
 */
public final class KafkaScanner implements MetadataScanner {

  /** The one collection of a Kafka source. */
  public static final String COLLECTION = "default";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaScanner.class);
  private static final String CLIENT_ID = "datadock-metadata-scan";

  private final Map<String, String> clientSettings;

  public KafkaScanner() {
    this(Map.of());
  }

  /**
   * @param clientSettings AdminClient settings over those from the connection and credentials, as
   *     {@link io.datadock.connectors.kafka.KafkaCheck#KafkaCheck(Map)} takes them
   */
  public KafkaScanner(Map<String, String> clientSettings) {
    this.clientSettings = Map.copyOf(clientSettings);
  }

  @Override
  public ScanResult scan(
      SourceConnection connection,
      Credentials credentials,
      ScanFilter filter,
      Duration timeout,
      Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    Credentials secrets = credentials == null ? Credentials.none() : credentials;
    List<Broker> brokers = KafkaClients.brokers(connection.fields().get("brokers"));
    long started = System.nanoTime();
    ScanResult result =
        run(brokers, secrets, filter == null ? ScanFilter.all() : filter, egress.gate(), deadline);
    LOG.info(
        "metadata scan type=kafka brokers={} datasets={} complete={} errors={} millis={}",
        brokers,
        result.datasets().size(),
        result.complete(),
        result.errors().size(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private ScanResult run(
      List<Broker> brokers,
      Credentials credentials,
      ScanFilter filter,
      EgressGate gate,
      Deadline deadline) {
    Reach reach = KafkaClients.reach(brokers, gate, deadline);
    if (reach.reached() == null) {
      return ScanResult.failure(reach.problem());
    }
    Properties config;
    try {
      config = KafkaClients.clientConfig(brokers, credentials, deadline, CLIENT_ID);
      config.putAll(clientSettings);
    } catch (IllegalArgumentException e) {
      return ScanResult.failure(e.getMessage());
    }
    Admin admin;
    try {
      admin = Admin.create(config);
    } catch (RuntimeException e) {
      return ScanResult.failure("cannot create a client: " + SafeMessages.of(e, credentials));
    }
    try {
      try {
        Optional<String> denied =
            KafkaClients.deniedNode(
                KafkaClients.await(
                    admin
                        .describeCluster(
                            new DescribeClusterOptions().timeoutMs(deadline.remainingMillis()))
                        .nodes(),
                    deadline),
                gate,
                deadline);
        if (denied.isPresent()) {
          return ScanResult.failure(denied.get());
        }
      } catch (Exception e) {
        return ScanResult.failure(listProblem(e, credentials, config, deadline));
      }
      Set<String> names;
      try {
        names =
            KafkaClients.await(
                admin
                    .listTopics(
                        new ListTopicsOptions()
                            .listInternal(false)
                            .timeoutMs(deadline.remainingMillis()))
                    .names(),
                deadline);
      } catch (Exception e) {
        return ScanResult.failure(listProblem(e, credentials, config, deadline));
      }
      List<String> kept =
          names.stream()
              .filter(name -> !name.startsWith("__") && filter.dataset(COLLECTION, name))
              .sorted()
              .toList();
      return describe(admin, kept, credentials, deadline);
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  /** One describeTopics for all kept topics; a topic that fails is listed without partitions. */
  private static ScanResult describe(
      Admin admin, List<String> topics, Credentials credentials, Deadline deadline) {
    if (topics.isEmpty()) {
      return new ScanResult(List.of(), List.of(), true);
    }
    Map<String, KafkaFuture<TopicDescription>> futures =
        admin
            .describeTopics(
                topics, new DescribeTopicsOptions().timeoutMs(deadline.remainingMillis()))
            .topicNameValues();
    List<DatasetMeta> datasets = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean timedOut = false;
    for (String topic : topics) {
      Map<String, String> properties = new LinkedHashMap<>();
      try {
        if (timedOut) {
          throw new TimeoutException();
        }
        TopicDescription description = KafkaClients.await(futures.get(topic), deadline);
        properties.put("partitions", String.valueOf(description.partitions().size()));
        properties.put(
            "replication_factor",
            String.valueOf(
                description.partitions().isEmpty()
                    ? 0
                    : description.partitions().get(0).replicas().size()));
      } catch (Exception e) {
        Throwable cause = KafkaClients.unwrap(e);
        if (!KafkaClients.isTimeout(cause)) {
          errors.add("cannot describe topic " + topic + ": " + SafeMessages.of(cause, credentials));
        } else if (!timedOut) {
          timedOut = true;
          errors.add("no answer within " + deadline.describe() + " while describing topics");
        }
      }
      datasets.add(
          new DatasetMeta(
              COLLECTION, topic, DatasetKind.TOPIC, List.of(), List.of(), null, null, properties));
    }
    return new ScanResult(datasets, errors, errors.isEmpty());
  }

  private static String listProblem(
      Exception e, Credentials credentials, Properties config, Deadline deadline) {
    Throwable cause = KafkaClients.unwrap(e);
    String user = credentials.get("username");
    if (cause instanceof AuthorizationException) {
      return "user '" + user + "' may not list topics";
    }
    return KafkaClients.loginProblem(
        cause,
        user,
        config.getProperty(AdminClientConfig.SECURITY_PROTOCOL_CONFIG),
        deadline,
        credentials);
  }
}
