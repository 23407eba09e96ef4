package io.datadock.runtime.kafka.embedded;

import static io.datadock.runtime.kafka.embedded.BrokerCredentials.BROKER_USER;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * A Datadock broker's authentication and authorization: clients and the brokers themselves on one
 * SASL listener with SCRAM-SHA-512 ({@code SASL_PLAINTEXT} on the loopback-only embedded broker,
 * where TLS would cost CPU on every apply and protect nothing a local process could not read from
 * the data directory anyway; {@code SASL_SSL} between hosts), the controller listener on
 * SASL_PLAINTEXT with PLAIN for the broker's user alone (KRaft controllers do not take SCRAM), and
 * the standard authorizer with the broker and the operator as super users. The caller names the
 * listeners ({@code <PROTOCOL>://host:port,CONTROLLER://host:port}) and, for SASL_SSL, the key
 * store.
 */
public final class BrokerSecurity {

  private BrokerSecurity() {}

  public static void secure(
      Properties p, BrokerCredentials credentials, SecurityProtocol clientProtocol) {
    String password = credentials.password(BROKER_USER);
    String listener = clientProtocol.name;
    String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
    p.put(
        "listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", listener);
    p.put("sasl.mechanism.inter.broker.protocol", KafkaConnection.SCRAM_MECHANISM);
    p.put(prefix + "sasl.enabled.mechanisms", KafkaConnection.SCRAM_MECHANISM);
    p.put(
        prefix + "scram-sha-512.sasl.jaas.config",
        KafkaConnection.scramJaas(BROKER_USER, password));
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + BROKER_USER
            + "\" password=\""
            + password
            + "\" user_"
            + BROKER_USER
            + "=\""
            + password
            + "\";");
    p.put("authorizer.class.name", StandardAuthorizer.class.getName());
    p.put("super.users", "User:" + BROKER_USER + ";User:" + KafkaPrincipal.OPERATOR.user());
  }

  /**
   * After {@link #secure}: the brokers talk to each other on a listener of their own, {@code
   * listener} (named in {@code listeners} by the caller), SASL_PLAINTEXT with SCRAM-SHA-512 as the
   * broker's user, for a network only the brokers share; clients keep the listener {@link #secure}
   * set up.
   */
  public static void brokersOwnListener(
      Properties p, BrokerCredentials credentials, String listener) {
    String prefix = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
    p.put(
        "listener.security.protocol.map",
        p.getProperty("listener.security.protocol.map") + "," + listener + ":SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", listener);
    p.put(prefix + "sasl.enabled.mechanisms", KafkaConnection.SCRAM_MECHANISM);
    p.put(
        prefix + "scram-sha-512.sasl.jaas.config",
        KafkaConnection.scramJaas(BROKER_USER, credentials.password(BROKER_USER)));
  }
}
