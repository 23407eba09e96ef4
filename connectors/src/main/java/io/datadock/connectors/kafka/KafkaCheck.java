package io.datadock.connectors.kafka;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.kafka.KafkaClients.Broker;
import io.datadock.connectors.kafka.KafkaClients.Reach;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka: every broker decided by the egress gate and a TCP reach of the first reachable one, {@code
 * describeCluster} as the login (SASL PLAIN or SCRAM when the credentials carry a username,
 * PLAINTEXT without credentials), {@code listTopics} as the listing. The nodes {@code
 * describeCluster} names are where the client goes next, so they are decided too before the
 * listing: a denied node fails {@code reach host}, which is therefore recorded only once the login
 * answered. Broker parsing, client settings and login messages are {@link KafkaClients}, shared
 * with the metadata scanner.
 */
public final class KafkaCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCheck.class);
  static final String CLIENT_ID = "datadock-connection-check";

  private final Map<String, String> clientSettings;

  public KafkaCheck() {
    this(Map.of());
  }

  /**
   * @param clientSettings AdminClient settings over those from the connection and credentials (a
   *     family built on Kafka's protocol fixes some, a test adds its trust store)
   */
  public KafkaCheck(Map<String, String> clientSettings) {
    this.clientSettings = Map.copyOf(clientSettings);
  }

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    Deadline deadline = Deadline.after(timeout);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, LIST);
    List<Broker> brokers = KafkaClients.brokers(connection.fields().get("brokers"));
    CheckReport report = run(brokers, credentials, egress.gate(), deadline, run);
    LOG.info(
        "connection check type=kafka brokers={} passed={} failedStep={}",
        brokers,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private CheckReport run(
      List<Broker> brokers,
      Credentials credentials,
      EgressGate gate,
      Deadline deadline,
      CheckRun run) {
    Reach reach = KafkaClients.reach(brokers, gate, deadline);
    if (reach.reached() == null) {
      return run.fail(REACH, reach.problem());
    }
    String reached = "reached broker " + reach.reached();

    Properties config;
    try {
      config = KafkaClients.clientConfig(brokers, credentials, deadline, CLIENT_ID);
      config.putAll(clientSettings);
    } catch (IllegalArgumentException e) {
      return run.pass(REACH, reached).fail(AUTHENTICATE, e.getMessage());
    }
    String user = credentials.get("username");
    Admin admin;
    try {
      admin = Admin.create(config);
    } catch (RuntimeException e) {
      return run.pass(REACH, reached)
          .fail(AUTHENTICATE, "cannot create a client: " + SafeMessages.of(e, credentials));
    }
    try {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(deadline.remainingMillis()));
      String clusterId;
      Collection<Node> described;
      try {
        clusterId = KafkaClients.await(cluster.clusterId(), deadline);
        described = KafkaClients.await(cluster.nodes(), deadline);
      } catch (Exception e) {
        run.pass(REACH, reached);
        throw e;
      }
      Optional<String> denied = KafkaClients.deniedNode(described, gate, deadline);
      if (denied.isPresent()) {
        return run.fail(REACH, denied.get());
      }
      run.pass(REACH, reached);
      int nodes = described.size();
      run.pass(
          AUTHENTICATE,
          (user == null ? "connected without credentials" : "authenticated as user '" + user + "'")
              + "; cluster "
              + clusterId
              + " with "
              + nodes
              + (nodes == 1 ? " broker" : " brokers"));
    } catch (Exception e) {
      return run.fail(
          AUTHENTICATE,
          KafkaClients.loginProblem(
              e,
              user,
              config.getProperty(AdminClientConfig.SECURITY_PROTOCOL_CONFIG),
              deadline,
              credentials));
    }
    try {
      Set<String> topics =
          KafkaClients.await(
              admin
                  .listTopics(new ListTopicsOptions().timeoutMs(deadline.remainingMillis()))
                  .names(),
              deadline);
      return run.pass(
              LIST, topics.size() + (topics.size() == 1 ? " topic" : " topics") + " visible")
          .report();
    } catch (Exception e) {
      Throwable cause = KafkaClients.unwrap(e);
      if (cause instanceof AuthorizationException) {
        return run.fail(LIST, "user '" + user + "' may not list topics");
      }
      if (KafkaClients.isTimeout(cause)) {
        return run.fail(LIST, "no answer within " + deadline.describe());
      }
      return run.fail(LIST, "cannot list topics: " + SafeMessages.of(cause, credentials));
    } finally {
      admin.close(Duration.ZERO);
    }
  }
}
