package io.datadock.runtime.kafka.embedded;

import io.datadock.runtime.kafka.FreePorts;
import io.datadock.runtime.kafka.KafkaConnection;
import io.datadock.runtime.kafka.security.KafkaPrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), in-process, built
 * from Apache Kafka's own server classes. The one embedded broker of Datadock: the {@code local}
 * launcher and every integration test use it.
 *
 * <p>The data directory is formatted on first start and reused afterwards, so topics and records
 * survive a restart on the same directory.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int NODE_ID = 1;

  /** Written next to a log directory formatted with the users' SCRAM credentials. */
  private static final String SECURED_MARKER = "datadock-secured";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final int controllerPort;
  private final BrokerCredentials credentials;
  private final String plainLoginServers;
  private boolean closed;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server,
      String bootstrapServers,
      int controllerPort,
      BrokerCredentials credentials,
      String plainLoginServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.controllerPort = controllerPort;
    this.credentials = credentials;
    this.plainLoginServers = plainLoginServers;
  }

  /**
   * A broker open to anyone who reaches it (PLAINTEXT): a test's data source, never the platform's.
   *
   * @param dataDir the broker's log directory; formatted when new, reused otherwise
   * @param port the PLAINTEXT port, 0 to pick a free one
   */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, null, null);
  }

  /**
   * A plain broker ({@link #start(Path, int)}) with a second listener that takes SASL/PLAIN logins
   * ({@link #plainLoginServers()}): a test's stand-in for a managed Kafka service.
   */
  public static EmbeddedKafkaBroker startWithPlainLogin(Path dataDir, PlainLoginListener listener) {
    return start(dataDir, 0, null, listener);
  }

  /**
   * A broker that authenticates every client (SASL/SCRAM-SHA-512 on its loopback listener) and
   * authorizes it by ACL; the users' passwords are generated into {@code <dataDir>/credentials} on
   * first start. It starts with no ACL: {@link io.datadock.runtime.kafka.security.KafkaSetup}
   * applies them.
   *
   * @param port the SASL_PLAINTEXT port, 0 to pick a free one
   */
  public static EmbeddedKafkaBroker startSecured(Path dataDir, int port) {
    BrokerCredentials credentials =
        BrokerCredentials.loadOrCreate(dataDir.toAbsolutePath().resolve("credentials"));
    Path logDir = logDir(dataDir);
    if (Files.exists(logDir.resolve("meta.properties"))
        && !Files.exists(logDir.resolve(SECURED_MARKER))) {
      upgrade(dataDir, credentials);
    }
    return start(dataDir, port, credentials, null);
  }

  /**
   * A directory made before Kafka authentication: its broker, started once as it was, gets every
   * user's credential, then stops; the marker is written after that only.
   */
  private static void upgrade(Path dataDir, BrokerCredentials credentials) {
    try (EmbeddedKafkaBroker plain = start(dataDir, 0, null, null)) {
      UnsecuredDirectoryUpgrade.addCredentials(plain.bootstrapServers(), credentials);
    }
    markSecured(logDir(dataDir));
    LOG.info(
        "embedded kafka directory upgraded to SCRAM authentication dir={} users={}",
        logDir(dataDir),
        BrokerCredentials.users().size());
  }

  private static Path logDir(Path dataDir) {
    return dataDir.toAbsolutePath().resolve("log");
  }

  private static EmbeddedKafkaBroker start(
      Path dataDir, int port, BrokerCredentials credentials, PlainLoginListener plainLogin) {
    long started = System.nanoTime();
    int[] free = FreePorts.pickDistinct(3, port);
    int brokerPort = port == 0 ? free[0] : port;
    int controllerPort = free[1];
    Path logDir = logDir(dataDir);
    Properties props = properties(logDir, brokerPort, controllerPort);
    if (credentials != null) {
      props.put(
          "listeners",
          "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
      BrokerSecurity.secure(props, credentials, SecurityProtocol.SASL_PLAINTEXT);
    }
    String plainLoginServers = null;
    if (plainLogin != null) {
      int plainLoginPort = free[2];
      plainLogin.addTo(props, plainLoginPort);
      plainLoginServers = "127.0.0.1:" + plainLoginPort;
    }
    format(logDir, credentials);
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
    server.startup();
    String bootstrap = "127.0.0.1:" + brokerPort;
    LOG.info(
        "embedded kafka started bootstrap={} secured={} dir={} in {} ms",
        bootstrap,
        credentials != null,
        logDir,
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedKafkaBroker(
        server, bootstrap, controllerPort, credentials, plainLoginServers);
  }

  private static void format(Path logDir, BrokerCredentials credentials) {
    try {
      Files.createDirectories(logDir);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        KraftStorage.format(
            Uuid.randomUuid().toString(),
            NODE_ID,
            logDir,
            credentials == null ? List.of() : credentials.formatterArguments());
        if (credentials != null) {
          markSecured(logDir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker directory " + logDir, e);
    }
  }

  private static void markSecured(Path logDir) {
    try {
      Files.writeString(logDir.resolve(SECURED_MARKER), "SCRAM credentials added\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark the broker directory " + logDir + " secured", e);
    }
  }

  private static Properties properties(Path logDir, int brokerPort, int controllerPort) {
    Properties p =
        KraftNodeProperties.of(
            NODE_ID,
            NODE_ID + "@127.0.0.1:" + controllerPort,
            logDir,
            brokerPort,
            controllerPort,
            1,
            4);
    p.put("num.io.threads", "4");
    // A restart after a kill -9 waits for the dead incarnation's session to expire, counted from
    // the controller's activation (DUPLICATE_BROKER_REGISTRATION until then): about 4.5 s of a
    // 10 s restart with the cluster's 4 s. One node in one process heartbeats to its own
    // controller over loopback; 3 s is still six missed beats, where Kafka's defaults allow 4.5
    // (9 s for a 2 s beat). Measured with bench/crash-restart.sh: median 10.1 s -> 9.1 s.
    p.put("broker.session.timeout.ms", "3000");
    return p;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The {@link PlainLoginListener}'s address; empty unless started with one. */
  public Optional<String> plainLoginServers() {
    return Optional.ofNullable(plainLoginServers);
  }

  /** A connection as {@code principal}; on a plain broker, a plain connection. */
  public KafkaConnection connection(KafkaPrincipal principal) {
    return credentials == null
        ? KafkaConnection.plain(bootstrapServers)
        : credentials.connection(bootstrapServers, principal);
  }

  /** The users' credentials; empty on a plain broker. */
  public Optional<BrokerCredentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The KRaft controller listener's port (on 127.0.0.1). */
  public int controllerPort() {
    return controllerPort;
  }

  /** True while the broker is up and accepting connections on its listener. */
  public boolean isRunning() {
    synchronized (this) {
      if (closed) {
        return false;
      }
    }
    int colon = bootstrapServers.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              bootstrapServers.substring(0, colon),
              Integer.parseInt(bootstrapServers.substring(colon + 1))),
          500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.info("embedded kafka stopped bootstrap={}", bootstrapServers);
  }
}
