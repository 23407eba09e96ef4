package io.datadock.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.kafka.KafkaClients.Broker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

  private static final List<Broker> ONE = List.of(new Broker("k", 9092));

  @Test
  void brokersComeFromAListOrACommaSeparatedString() {
    assertThat(KafkaClients.brokers(List.of("a:1", "b:2")))
        .containsExactly(new Broker("a", 1), new Broker("b", 2));
    assertThat(KafkaClients.brokers(" a:1, PLAINTEXT://b ,"))
        .containsExactly(new Broker("a", 1), new Broker("b", 9092));
    assertThat(KafkaClients.brokers(null)).isEmpty();
  }

  @Test
  void noCredentialsMeansPlaintext() {
    Properties p = KafkaClients.clientConfig(ONE, Credentials.none(), deadline(), "test");
    assertThat(p.getProperty("security.protocol")).isEqualTo("PLAINTEXT");
    assertThat(p).doesNotContainKey("sasl.jaas.config");
    assertThat(p.getProperty("request.timeout.ms")).isNotNull();
    assertThat(p.getProperty("default.api.timeout.ms")).isNotNull();
  }

  @Test
  void aUsernameMeansSaslSslWithPlainUnlessSaidOtherwise() {
    Properties p =
        KafkaClients.clientConfig(
            ONE,
            new Credentials(Map.of("username", "u", "password", "p\"w"), Map.of()),
            deadline(),
            "test");
    assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(p.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
    assertThat(p.getProperty("sasl.jaas.config"))
        .isEqualTo(
            "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"u\" password=\"p\\\"w\";");

    Properties scram =
        KafkaClients.clientConfig(
            ONE,
            new Credentials(
                Map.of(
                    "username", "u",
                    "password", "p",
                    "security_protocol", "sasl_plaintext",
                    "sasl_mechanism", "scram-sha-512"),
                Map.of()),
            deadline(),
            "test");
    assertThat(scram.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
    assertThat(scram.getProperty("sasl.jaas.config")).contains("ScramLoginModule");
  }

  @Test
  void anUnknownMechanismIsRefused() {
    Credentials odd =
        new Credentials(
            Map.of("username", "u", "password", "p", "sasl_mechanism", "GSSAPI"), Map.of());
    assertThatThrownBy(() -> KafkaClients.clientConfig(ONE, odd, deadline(), "test"))
        .hasMessage("unsupported sasl_mechanism 'GSSAPI' (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)");
  }

  private static Deadline deadline() {
    return Deadline.after(Duration.ofSeconds(10));
  }
}
