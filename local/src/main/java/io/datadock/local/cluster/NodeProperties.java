package io.datadock.local.cluster;

import io.datadock.runtime.kafka.embedded.BrokerCredentials;
import io.datadock.runtime.kafka.embedded.BrokerSecurity;
import io.datadock.runtime.kafka.embedded.KraftNodeProperties;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/** The {@code server.properties} of one node of a {@link KafkaClusterProcesses} cluster. */
final class NodeProperties {

  /** The brokers' own listener on a secured cluster: replication and broker-to-broker requests. */
  static final String INTERNAL = "INTERNAL";

  private NodeProperties() {}

  static Properties of(
      int nodeId, int count, Path logDir, int brokerPort, int controllerPort, String voters) {
    Properties p =
        KraftNodeProperties.of(nodeId, voters, logDir, brokerPort, controllerPort, count, 6);
    p.put("default.replication.factor", String.valueOf(count));
    p.put("min.insync.replicas", String.valueOf(Math.max(1, count - 1)));
    p.put("num.io.threads", "2");
    p.put("num.replica.fetchers", "1");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.cleaner.threads", "1");
    // The internal topics are compacted, but only in segments already rolled: at their default 100
    // MiB, __transaction_state and __consumer_offsets held half of each broker's disk after a
    // 45-minute soak, none of it compacted.
    p.put("offsets.topic.segment.bytes", String.valueOf(16 * 1024 * 1024));
    p.put("transaction.state.log.segment.bytes", String.valueOf(16 * 1024 * 1024));
    return p;
  }

  /**
   * Clients on SASL_SSL; the brokers replicate on an {@code INTERNAL} SASL_PLAINTEXT listener bound
   * to 127.0.0.1, as a deployment might on a private network: still SCRAM, but no TLS on every
   * replicated record (on two cores, TLS between the brokers made ScaleOutIT take 122 s, not 94).
   */
  static void secure(
      Properties p,
      BrokerCredentials credentials,
      ClusterTls tls,
      int brokerPort,
      int internalPort,
      int controllerPort) {
    p.put(
        "listeners",
        "SASL_SSL://127.0.0.1:"
            + brokerPort
            + ","
            + INTERNAL
            + "://127.0.0.1:"
            + internalPort
            + ",CONTROLLER://127.0.0.1:"
            + controllerPort);
    p.put(
        "advertised.listeners",
        "SASL_SSL://127.0.0.1:" + brokerPort + "," + INTERNAL + "://127.0.0.1:" + internalPort);
    BrokerSecurity.secure(p, credentials, SecurityProtocol.SASL_SSL);
    BrokerSecurity.brokersOwnListener(p, credentials, INTERNAL);
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.location", tls.keyStore().toString());
    p.put("ssl.keystore.password", tls.keyStorePassword());
  }
}
