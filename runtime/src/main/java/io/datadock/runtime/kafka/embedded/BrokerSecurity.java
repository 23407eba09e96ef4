package io.datadock.runtime.kafka.embedded;

import static io.datadock.runtime.kafka.embedded.BrokerCredentials.BROKER_USER;

import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.util.Properties;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;

/**
 * The embedded broker's authentication and authorization: clients and the broker itself on
 * SASL_PLAINTEXT with SCRAM-SHA-512 (loopback only, so no TLS: it would cost CPU on every apply and
 * protect nothing a local process could not read from the data directory anyway), the controller
 * listener on SASL_PLAINTEXT with PLAIN for the broker's user alone (KRaft controllers do not take
 * SCRAM), and the standard authorizer with the broker and the operator as super users.
 */
final class BrokerSecurity {

  private BrokerSecurity() {}

  static void secure(
      Properties p, BrokerCredentials credentials, int brokerPort, int controllerPort) {
    String password = credentials.password(BROKER_USER);
    p.put(
        "listeners",
        "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
    p.put(
        "listener.security.protocol.map",
        "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
    p.put("sasl.mechanism.inter.broker.protocol", KafkaConnection.SCRAM_MECHANISM);
    p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", KafkaConnection.SCRAM_MECHANISM);
    p.put(
        "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
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
}
