package io.datadock.connectors.eventhub;

import static io.datadock.connectors.CheckSteps.AUTHENTICATE;
import static io.datadock.connectors.CheckSteps.LIST;
import static io.datadock.connectors.CheckSteps.REACH;

import io.datadock.connectors.CheckReport;
import io.datadock.connectors.CheckRun;
import io.datadock.connectors.ConnectionCheck;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.UnsafeConnectionField;
import io.datadock.connectors.egress.Egress;
import io.datadock.connectors.kafka.KafkaCheck;
import io.datadock.connectors.kafka.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Azure Event Hubs through its Kafka endpoint: the Kafka family's check ({@link KafkaCheck}: reach,
 * {@code describeCluster} as the login, {@code listTopics}) with the namespace's login ({@link
 * EventHubLogin}: SASL PLAIN over TLS with the connection string). A refused connection string
 * fails {@code authenticate} without being echoed.
 */
public final class EventHubCheck implements ConnectionCheck {

  private final KafkaCheck kafka;

  /**
   * @param clientSettings Kafka client settings over the login's (tests: a trust store)
   */
  public EventHubCheck(Map<String, String> clientSettings) {
    this.kafka = new KafkaCheck(clientSettings);
  }

  @Override
  public CheckReport check(
      SourceConnection connection, Credentials credentials, Duration timeout, Egress egress) {
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, LIST);
    EventHubEndpoint endpoint;
    try {
      endpoint = EventHubEndpoint.of(connection);
    } catch (UnsafeConnectionField e) {
      return run.fail(REACH, e.getMessage());
    }
    Credentials login;
    try {
      login = EventHubLogin.kafkaCredentials(endpoint, credentials);
    } catch (IllegalArgumentException missingKey) {
      KafkaClients.Reach reach =
          KafkaClients.reach(
              KafkaClients.brokers(List.of(endpoint.host() + ":" + endpoint.port())),
              egress.gate(),
              Deadline.after(timeout));
      if (reach.reached() == null) {
        return run.fail(REACH, reach.problem());
      }
      return run.pass(REACH, "reached broker " + reach.reached())
          .fail(AUTHENTICATE, missingKey.getMessage());
    }
    return kafka.check(endpoint.asKafka(), login, timeout, egress);
  }
}
