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
import io.datadock.connectors.TcpReach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka: TCP reach of the first reachable broker, {@code describeCluster} as the login (SASL PLAIN
 * or SCRAM when the credentials carry a username, PLAINTEXT without credentials), {@code
 * listTopics} as the listing.
 */
public final class KafkaCheck implements ConnectionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaCheck.class);
  private static final int DEFAULT_PORT = 9092;
  private static final Set<String> PROTOCOLS =
      Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  private static final Map<String, String> LOGIN_MODULES =
      Map.of(
          "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
          "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
          "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

  /** A broker address from the {@code brokers} field. */
  record Broker(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  @Override
  public CheckReport check(SourceConnection connection, Credentials credentials, Duration timeout) {
    Deadline deadline = Deadline.after(timeout);
    CheckRun run = new CheckRun(credentials, REACH, AUTHENTICATE, LIST);
    List<Broker> brokers = brokers(connection.fields().get("brokers"));
    CheckReport report = run(brokers, credentials, deadline, run);
    LOG.info(
        "connection check type=kafka brokers={} passed={} failedStep={}",
        brokers,
        report.passed(),
        report.firstFailure().map(s -> s.name()).orElse("none"));
    return report;
  }

  private CheckReport run(
      List<Broker> brokers, Credentials credentials, Deadline deadline, CheckRun run) {
    if (brokers.isEmpty()) {
      return run.fail(REACH, "the connection has no 'brokers'");
    }
    Optional<String> firstProblem = Optional.empty();
    Broker reached = null;
    for (Broker broker : brokers) {
      Optional<String> problem = TcpReach.problem(broker.host(), broker.port(), deadline);
      if (problem.isEmpty()) {
        reached = broker;
        break;
      }
      firstProblem = firstProblem.or(() -> problem);
      if (deadline.expired()) {
        break;
      }
    }
    if (reached == null) {
      return run.fail(
          REACH,
          brokers.size() == 1
              ? firstProblem.orElseThrow()
              : "cannot reach any of "
                  + brokers.size()
                  + " brokers; "
                  + firstProblem.orElseThrow());
    }
    run.pass(REACH, "reached broker " + reached);

    Properties config;
    try {
      config = clientConfig(brokers, credentials, deadline);
    } catch (IllegalArgumentException e) {
      return run.fail(AUTHENTICATE, e.getMessage());
    }
    String user = credentials.get("username");
    Admin admin;
    try {
      admin = Admin.create(config);
    } catch (RuntimeException e) {
      return run.fail(AUTHENTICATE, "cannot create a client: " + SafeMessages.of(e, credentials));
    }
    try {
      DescribeClusterResult cluster =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(deadline.remainingMillis()));
      String clusterId =
          await(cluster.clusterId().toCompletionStage().toCompletableFuture(), deadline);
      int nodes = await(cluster.nodes().toCompletionStage().toCompletableFuture(), deadline).size();
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
          loginProblem(
              e,
              user,
              config.getProperty(AdminClientConfig.SECURITY_PROTOCOL_CONFIG),
              deadline,
              credentials));
    }
    try {
      Set<String> topics =
          await(
              admin
                  .listTopics(new ListTopicsOptions().timeoutMs(deadline.remainingMillis()))
                  .names()
                  .toCompletionStage()
                  .toCompletableFuture(),
              deadline);
      return run.pass(
              LIST, topics.size() + (topics.size() == 1 ? " topic" : " topics") + " visible")
          .report();
    } catch (Exception e) {
      Throwable cause = unwrap(e);
      if (cause instanceof AuthorizationException) {
        return run.fail(LIST, "user '" + user + "' may not list topics");
      }
      if (cause instanceof TimeoutException
          || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        return run.fail(LIST, "no answer within " + deadline.describe());
      }
      return run.fail(LIST, "cannot list topics: " + SafeMessages.of(cause, credentials));
    } finally {
      admin.close(Duration.ZERO);
    }
  }

  private static String loginProblem(
      Exception e, String user, String protocol, Deadline deadline, Credentials credentials) {
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
    if (cause instanceof TimeoutException
        || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "no answer from the cluster within " + deadline.describe() + " using " + protocol;
    }
    return "cannot describe the cluster: " + SafeMessages.of(cause, credentials);
  }

  /** AdminClient settings bounded by the deadline, with SASL when there is a username. */
  static Properties clientConfig(List<Broker> brokers, Credentials credentials, Deadline deadline) {
    Properties p = new Properties();
    p.put(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        String.join(",", brokers.stream().map(Broker::toString).toList()));
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "datadock-connection-check");
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

  /** Broker addresses from a list or a comma-separated string; port 9092 when none is given. */
  static List<Broker> brokers(Object field) {
    List<String> entries = new ArrayList<>();
    if (field instanceof List<?> list) {
      list.forEach(item -> entries.add(String.valueOf(item)));
    } else if (field instanceof String text) {
      entries.addAll(List.of(text.split(",")));
    }
    List<Broker> brokers = new ArrayList<>();
    for (String entry : entries) {
      String address = entry.trim().replaceFirst("^[A-Za-z_]+://", "");
      if (address.isEmpty()) {
        continue;
      }
      int colon = address.lastIndexOf(':');
      if (colon > 0) {
        try {
          brokers.add(
              new Broker(
                  address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
          continue;
        } catch (NumberFormatException e) {
          // not a port: take the whole entry as the host
        }
      }
      brokers.add(new Broker(address, DEFAULT_PORT));
    }
    return brokers;
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future, Deadline deadline)
      throws Exception {
    try {
      return future.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException
            || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
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
