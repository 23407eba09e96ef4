package io.datadock.runtime.kafka;

import static io.datadock.runtime.config.Setting.KAFKA_BOOTSTRAP_SERVERS;
import static io.datadock.runtime.config.Setting.KAFKA_CLIENT_PROPERTIES;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_PASSWORD_FILE;
import static io.datadock.runtime.config.Setting.KAFKA_SASL_USERNAME;
import static io.datadock.runtime.config.Setting.KAFKA_SECURITY_PROTOCOL;
import static io.datadock.runtime.config.Setting.KAFKA_SSL_CA_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datadock.runtime.config.ConfigurationException;
import io.datadock.runtime.config.Settings;
import io.datadock.runtime.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {

  @TempDir Path dir;

  @Test
  void withNothingSetItIsAPlainConnectionToTheDefaultBroker() {
    Map<String, Object> config = KafkaConnection.from(Settings.empty()).clientConfig();

    assertThat(config)
        .containsEntry("bootstrap.servers", "localhost:9092")
        .containsEntry("security.protocol", "PLAINTEXT")
        .doesNotContainKey("sasl.jaas.config");
  }

  @Test
  void saslSslTakesTheUserThePasswordFileAndTheCa() throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "s3cr\"et\n");
    Settings settings =
        Settings.empty()
            .with(KAFKA_BOOTSTRAP_SERVERS, "k1:9093")
            .with(KAFKA_SECURITY_PROTOCOL, "SASL_SSL")
            .with(KAFKA_SASL_USERNAME, "datadock-depot-service")
            .with(KAFKA_SASL_PASSWORD_FILE, password)
            .with(KAFKA_SSL_CA_FILE, "/run/ca.pem");

    KafkaConnection kafka = KafkaConnection.from(settings);

    assertThat(kafka.clientConfig())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"datadock-depot-service\" password=\"s3cr\\\"et\";")
        .containsEntry("ssl.truststore.type", "PEM")
        .containsEntry("ssl.truststore.location", "/run/ca.pem");
    assertThat(kafka.toString()).isEqualTo("k1:9093 (SASL_SSL)").doesNotContain("s3cr");
  }

  @Test
  void everyClientOfAServiceSharesTheSecuritySettings() throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "pw");
    KafkaConnection kafka =
        KafkaConnection.from(
            Settings.empty()
                .with(KAFKA_SECURITY_PROTOCOL, "SASL_PLAINTEXT")
                .with(KAFKA_SASL_USERNAME, "u")
                .with(KAFKA_SASL_PASSWORD_FILE, password));

    Properties streams =
        StreamsSettings.exactlyOnce("app", "i", kafka, dir, 100, 1, Duration.ofSeconds(45));

    assertThat(KafkaSettings.producer(kafka, "p")).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(KafkaSettings.committedConsumer(kafka, "g"))
        .containsEntry("security.protocol", "SASL_PLAINTEXT");
    assertThat(KafkaSettings.admin(kafka)).containsKey("sasl.jaas.config");
    assertThat(streams).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void aClientPropertiesFileWinsOverTheVariables() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("client.properties"),
            "security.protocol=SSL\nssl.keystore.location=/run/me.p12\n");

    Map<String, Object> config =
        KafkaConnection.from(Settings.empty().with(KAFKA_CLIENT_PROPERTIES, file)).clientConfig();

    assertThat(config)
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.location", "/run/me.p12");
  }

  @Test
  void missingOrWrongSettingsAreNamed() {
    assertThatThrownBy(
            () -> KafkaConnection.from(Settings.empty().with(KAFKA_SECURITY_PROTOCOL, "KERBEROS")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "KAFKA_SECURITY_PROTOCOL: not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL:"
                + " \"KERBEROS\"");
    assertThatThrownBy(
            () -> KafkaConnection.from(Settings.empty().with(KAFKA_SECURITY_PROTOCOL, "SASL_SSL")))
        .hasMessage("KAFKA_SASL_USERNAME: required: SASL_SSL needs a principal");
    assertThatThrownBy(
            () ->
                KafkaConnection.from(
                    Settings.empty()
                        .with(KAFKA_SECURITY_PROTOCOL, "SASL_SSL")
                        .with(KAFKA_SASL_USERNAME, "u")))
        .hasMessage("KAFKA_SASL_PASSWORD_FILE: required: SASL_SSL needs the user's password");
    assertThatThrownBy(
            () ->
                KafkaConnection.from(
                    Settings.empty()
                        .with(KAFKA_SECURITY_PROTOCOL, "SASL_SSL")
                        .with(KAFKA_SASL_USERNAME, "u")
                        .with(KAFKA_SASL_PASSWORD_FILE, dir.resolve("absent"))))
        .hasMessageStartingWith("KAFKA_SASL_PASSWORD_FILE: cannot read ");
  }
}
