package io.datadock.connectors.kafka;

import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.HostPorts;
import io.datadock.connectors.NodeReach;
import io.datadock.connectors.SafeMessages;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressGate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * What the Kafka check and the Kafka scanner share: the {@code brokers} field, the reach probe over
 * the brokers, the AdminClient settings (security from the credentials, timeouts from the time
 * left), waiting on a client future within the deadline, and the words for a failed login.
 */
public final class KafkaClients {

  private static final int DEFAULT_PORT = 9092;
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Map<String, String> LOGIN_MODULES =
      Map.of(
          "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
          "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
          "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  private KafkaClients() {}

  /** A broker address from the {@code brokers} field. */
  public record Broker(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** The first broker that accepted a TCP connection, or why none did. */
  public record Reach(Broker reached, String problem) {}

  /** Broker addresses from a list or a comma-separated string; port 9092 when none is given. */
  public static List<Broker> brokers(Object field) {
    return HostPorts.parse(field, DEFAULT_PORT).stream()
        .map(endpoint -> new Broker(endpoint.host(), endpoint.port()))
        .toList();
  }

  /**
   * Decides every broker with the egress gate (the client bootstraps from all of them, so one
   * denied broker denies the source), then tries them in order until one accepts a TCP connection.
   */
  public static Reach reach(List<Broker> brokers, EgressGate gate, Deadline deadline) {
    if (brokers.isEmpty()) {
      return new Reach(null, "the connection has no 'brokers'");
    }
    NodeReach.Result result = NodeReach.first(endpoints(brokers), "brokers", gate, deadline);
    return result.ok()
        ? new Reach(brokers.get(result.reached()), null)
        : new Reach(null, result.problem());
  }

  /**
   * The egress denial of the cluster's nodes from {@code describeCluster}, if any. The cluster's
   * metadata names the hosts the client connects to next (a redirect the source controls), so each
   * node is decided before any further request.
   */
  public static Optional<String> deniedNode(
      Collection<Node> nodes, EgressGate gate, Deadline deadline) {
    return NodeReach.denied(
        nodes.stream().map(node -> new Endpoint(node.host(), node.port())).toList(),
        "brokers",
        gate,
        deadline);
  }

  private static List<Endpoint> endpoints(List<Broker> brokers) {
    return brokers.stream().map(b -> new Endpoint(b.host(), b.port())).toList();
  }

  /**
   * AdminClient settings bounded by the deadline, with SASL when there is a username.
   *
   * @throws IllegalArgumentException with a message for humans when the credentials name an
   *     unsupported protocol or mechanism, or lack the password
   */
  public static Properties clientConfig(
      List<Broker> brokers, Credentials credentials, Deadline deadline, String clientId) {
    Properties p = new Properties();
    p.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", brokers.stream().map(Broker::toString).toList()));
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    String millis = String.valueOf(deadline.remainingMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, millis);
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, millis);
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");

    String user = credentials.get("username");
    String protocol = upper(credentials.get("security_protocol"));
    if (user == null) {
      p.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol == null ? "PLAINTEXT" : protocol);
      checkProtocol(protocol);
      return p;
    }
    String password = credentials.get("password");
    if (password == null) {
      throw new IllegalArgumentException("credentials have no 'password'");
    }
    protocol = protocol == null ? "SASL_SSL" : protocol;
    checkProtocol(protocol);
    String mechanism = upper(credentials.get("sasl_mechanism"));
    mechanism = mechanism == null ? "PLAIN" : mechanism;
    String module = LOGIN_MODULES.get(mechanism);
    if (module == null) {
      throw new IllegalArgumentException(
          "unsupported sasl_mechanism '" + mechanism + "' (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512)");
    }
    p.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, protocol);
    p.put(SaslConfigs.SASL_MECHANISM, mechanism);
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        module
            + " required username=\""
            + jaasEscape(user)
            + "\" password=\""
            + jaasEscape(password)
            + "\";");
    return p;
  }

  /** Waits for a client future at most for the time left; throws what the future failed with. */
  public static <T> T await(KafkaFuture<T> future, Deadline deadline) throws Exception {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The failure inside the client's wrapping exceptions. */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  public static boolean isTimeout(Throwable cause) {
    return cause instanceof TimeoutException
        || cause instanceof org.apache.kafka.common.errors.TimeoutException;
  }

  /** Why the cluster could not be used with these credentials, for humans. */
  public static String loginProblem(
      Throwable e, String user, String protocol, Deadline deadline, Credentials credentials) {
    Throwable cause = unwrap(e);
    if (cause instanceof SslAuthenticationException) {
      return "TLS handshake failed: " + SafeMessages.of(cause, credentials);
    }
    if (cause instanceof IllegalSaslStateException
        || cause instanceof UnsupportedSaslMechanismException) {
      return "the cluster refused the SASL handshake: " + SafeMessages.of(cause, credentials);
    }
    if (cause instanceof AuthenticationException) {
      return user == null
          ? "the cluster requires authentication: " + SafeMessages.of(cause, credentials)
          : "authentication failed for user '" + user + "'";
    }
    if (isTimeout(cause)) {
      return "no answer from the cluster within " + deadline.describe() + " using " + protocol;
    }
    return "cannot describe the cluster: " + SafeMessages.of(cause, credentials);
  }

  private static void checkProtocol(String protocol) {
    if (protocol != null && !PROTOCOLS.contains(protocol)) {
      throw new IllegalArgumentException(
          "unsupported security_protocol '"
              + protocol
              + "' ("
              + String.join(", ", PROTOCOLS)
              + ")");
    }
  }

  private static String upper(String value) {
    return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
  }

  private static String jaasEscape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
