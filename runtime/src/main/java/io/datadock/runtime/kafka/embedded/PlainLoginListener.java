package io.datadock.runtime.kafka.embedded;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * A second client listener of the embedded broker that takes SASL/PLAIN logins from a fixed set of
 * users, over TLS when it is given a certificate: the stand-in for a managed Kafka endpoint (Azure
 * Event Hubs' Kafka endpoint logs in with PLAIN over TLS) in tests of a check against such a
 * service. No authorizer: a user who logs in may do anything.
 *
 * @param users user name to password
 * @param certificateChainPem the listener's certificate chain (PEM), or null for SASL_PLAINTEXT
 * @param privateKeyPem the certificate's unencrypted PKCS#8 private key (PEM), or null
 */
public record PlainLoginListener(
    Map<String, String> users, String certificateChainPem, String privateKeyPem) {

  static final String NAME = "PLAIN_LOGIN";

  public PlainLoginListener {
    users = Map.copyOf(users);
    if ((certificateChainPem == null) != (privateKeyPem == null)) {
      throw new IllegalArgumentException("a TLS listener needs both a certificate and its key");
    }
  }

  /** A listener over TLS with the given certificate. */
  public static PlainLoginListener tls(
      Map<String, String> users, String certificateChainPem, String privateKeyPem) {
    return new PlainLoginListener(
        users,
        Objects.requireNonNull(certificateChainPem, "certificateChainPem"),
        Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
  }

  public SecurityProtocol protocol() {
    return certificateChainPem == null
        ? SecurityProtocol.SASL_PLAINTEXT
        : SecurityProtocol.SASL_SSL;
  }

  /** Adds the listener on 127.0.0.1:{@code port} to a broker's properties. */
  void addTo(Properties p, int port) {
    String address = NAME + "://127.0.0.1:" + port;
    p.put("listeners", p.getProperty("listeners") + "," + address);
    p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + address);
    p.put(
        "listener.security.protocol.map",
        p.getProperty("listener.security.protocol.map") + "," + NAME + ":" + protocol().name);
    String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
    p.put(prefix + "sasl.enabled.mechanisms", "PLAIN");
    StringBuilder jaas =
        new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
    users.forEach(
        (user, password) ->
            jaas.append(" user_").append(user).append("=\"").append(escape(password)).append('"'));
    p.put(prefix + "plain.sasl.jaas.config", jaas.append(';').toString());
    if (certificateChainPem != null) {
      p.put(prefix + "ssl.keystore.type", "PEM");
      p.put(prefix + "ssl.keystore.certificate.chain", certificateChainPem);
      p.put(prefix + "ssl.keystore.key", privateKeyPem);
    }
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
