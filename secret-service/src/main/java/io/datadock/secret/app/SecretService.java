package io.datadock.secret.app;

import io.datadock.core.crypto.KeyRing;
import io.datadock.core.crypto.MissingKeyException;
import io.datadock.core.crypto.SigningKey;
import io.datadock.runtime.config.MainConfiguration;
import io.datadock.runtime.http.OperationsRoutes;
import io.datadock.runtime.http.ServiceHttpServer;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.runtime.kafka.TopicProvisioner;
import io.datadock.runtime.metrics.ServiceMetrics;
import io.datadock.runtime.metrics.StateDigestHandler;
import io.datadock.runtime.replay.ReplayAgent;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.runtime.streams.StoreDigest;
import io.datadock.runtime.streams.StreamsApp;
import io.datadock.runtime.streams.StreamsSettings;
import io.datadock.schemas.Topics;
import io.datadock.schemas.secret.SecretState;
import io.datadock.secret.internal.Callers;
import io.datadock.secret.resolution.AccessAuditor;
import io.datadock.secret.resolution.CredentialResolution;
import io.datadock.secret.resolution.OwnerForwarder;
import io.datadock.secret.resolution.ResolutionRoutes;
import io.datadock.secret.resolution.StreamsSecretPartitions;
import io.datadock.secret.rotation.CommandProducer;
import io.datadock.secret.rotation.KeyAdminRoutes;
import io.datadock.secret.rotation.KeyRotation;
import io.datadock.secret.topology.SecretTopology;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * secret-service: owns the secret lifecycle. Publishes its public keys to {@code secret.keys} so
 * gateways can seal to it, then runs the secret topology with exactly-once processing.
 */
public final class SecretService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SecretService.class);

  /** Threads answering resolutions: each waits for its audit record's ack. */
  private static final int LISTENER_WORKERS = 4;

  private final SecretServiceConfig config;
  private final KeyRing keyRing;
  private final SigningKey signingKey;
  private final CompletableFuture<Void> running = new CompletableFuture<>();

  private StreamsApp app;
  private ReplayAgent replay;
  private AccessAuditor auditor;
  private ServiceHttpServer listener;
  private CommandProducer commandProducer;
  private IdentityDirectory directory;

  /**
   * @throws MissingKeyException when secret-service has published keys before but its key directory
   *     holds none of them: secrets sealed to those keys could no longer be opened, so starting
   *     with a fresh key would lose them silently
   */
  public SecretService(SecretServiceConfig config) {
    this.config = config;
    this.signingKey = SigningKey.read(config.signingKeyFile());
    this.keyRing = openKeyRing(config);
  }

  private static KeyRing openKeyRing(SecretServiceConfig config) {
    if (config.keyFile() != null) {
      return KeyRing.withMountedKey(config.keyDir(), config.keyFile());
    }
    if (KeyRing.hasKeys(config.keyDir())) {
      return KeyRing.load(config.keyDir());
    }
    Set<String> published =
        PublishedKeys.read(config.kafka(), config.topicPrefix(), Duration.ofSeconds(30));
    if (!published.isEmpty()) {
      throw new MissingKeyException(
          "secret-service published keys "
              + published
              + " but its key directory "
              + config.keyDir().toAbsolutePath()
              + " holds none of them: the secrets sealed to them cannot be opened. Restore the"
              + " key directory from backup (or point DATADOCK_SECRET_KEY_DIR at it); refusing to"
              + " start with a new key.");
    }
    return KeyRing.loadOrCreate(config.keyDir());
  }

  public void start() {
    SecretKeyPublisher publisher =
        new SecretKeyPublisher(config.kafka(), config.topicPrefix(), signingKey);
    publisher.publish(keyRing);
    PrometheusMeterRegistry metrics = ServiceMetrics.registry("secret-service");
    // listening before the Streams app joins its group: peers knock on it (DeadMemberFencer); and
    // on the port it got, so a free one picked by the system cannot be taken in between
    listener =
        ServiceHttpServer.startBeforeRoutes(
            "credential resolution",
            config.resolutionPort(),
            LISTENER_WORKERS,
            new OperationsRoutes(metrics, this::isRunning));
    HostInfo self = new HostInfo(config.advertisedHost(), listener.port());
    Properties props =
        StreamsSettings.exactlyOnce(
            config.applicationId(),
            config.instanceId(),
            config.kafka(),
            config.stateDir(),
            config.commitIntervalMs(),
            config.streamThreads(),
            config.sessionTimeout());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    app =
        new StreamsApp(
            "secret-service",
            boundary ->
                SecretTopology.build(
                    config.topicPrefix(), keyRing::open, keyRing::openForReplay, boundary),
            props,
            metrics,
            streams ->
                StoreDigest.byPartition(
                    streams,
                    SecretTopology.SECRETS_STORE,
                    Topics.avro(SecretState.class).serializer()));
    app.running().thenRun(() -> running.complete(null));
    replay =
        new ReplayAgent(
            config.kafka(),
            config.topicPrefix(),
            ReplayTargets.SECRET,
            config.instanceId(),
            app,
            Duration.ofMinutes(2));
    auditor = new AccessAuditor(config.kafka(), config.topicPrefix(), 5_000, Clock.systemUTC());
    directory =
        new IdentityDirectory(config.kafka(), config.topicPrefix(), Clock.systemUTC()).start();
    commandProducer = new CommandProducer(config.kafka(), config.topicPrefix());
    KeyRotation rotation =
        new KeyRotation(
            app.current(), keyRing, publisher, commandProducer::send, Clock.systemUTC());
    Callers callers = new Callers(config.callerTokens(), directory::verify);
    CredentialResolution resolution =
        new CredentialResolution(
            self,
            callers,
            auditor,
            new StreamsSecretPartitions(app.current()),
            new OwnerForwarder(self),
            keyRing::open);
    listener.serve(
        router -> {
          new ResolutionRoutes(resolution).mount(router);
          new KeyAdminRoutes(rotation, callers).mount(router);
        });
    listener.mount("/internal/v1/state/digest", new StateDigestHandler(app::totalDigest));
    replay.start().join();
    app.start();
    app.fenceDeadPeers(config.kafka(), config.sessionTimeout());
    LOG.info("credential resolution listening on {}:{}", self.host(), self.port());
    LOG.info(
        "secret-service started applicationId={} keyId={} signedBy={}",
        config.applicationId(),
        keyRing.newest().keyId(),
        signingKey.fingerprint());
  }

  public KafkaStreams.State state() {
    return app == null ? KafkaStreams.State.CREATED : app.state();
  }

  /** Completes the first time the Streams app is RUNNING (its tasks assigned and restored). */
  public CompletableFuture<Void> running() {
    return running;
  }

  public boolean isRunning() {
    return state() == KafkaStreams.State.RUNNING;
  }

  public KeyRing keyRing() {
    return keyRing;
  }

  /** The port of the internal listener: credential resolution, key administration, operations. */
  public int resolutionPort() {
    return listener.port();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
    if (auditor != null) {
      auditor.close();
    }
    if (commandProducer != null) {
      commandProducer.close();
    }
    if (directory != null) {
      directory.close();
    }
    if (replay != null) {
      replay.close();
    }
    if (app != null) {
      app.close();
    }
  }

  public static void main(String[] args) {
    SecretServiceConfig config = MainConfiguration.read(SecretServiceConfig::from);
    TopicProvisioner.ensureTopics(config.kafka(), config.topicPrefix(), config.topics());
    SecretService service = new SecretService(config);
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "secret-service-shutdown"));
    service.start();
  }
}
