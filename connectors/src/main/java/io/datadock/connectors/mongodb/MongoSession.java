package io.datadock.connectors.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.objectstore.EgressDnsResolver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sync driver client for one check or scan, connected directly to one node (so the driver never
 * follows a replica set's list of members to hosts nobody decided): its names resolved through the
 * egress gate (the driver's {@code InetAddressResolver}), every timeout the time left, no retries.
 * When the driver's monitor fails to talk to the node (refused, TLS, not MongoDB) the client is
 * closed at once, so the pending operation ends instead of waiting out server selection, and {@link
 * #monitorFailure()} says why.
 */
final class MongoSession implements AutoCloseable {

  private final AtomicReference<Throwable> monitorFailure = new AtomicReference<>();
  private final MongoClient client;

  MongoSession(
      Endpoint node,
      Optional<MongoCredential> credential,
      boolean tls,
      EgressGate gate,
      Deadline deadline,
      String applicationName) {
    long millis = deadline.remainingMillis();
    AtomicReference<MongoClient> opened = new AtomicReference<>();
    ServerListener failFast =
        new ServerListener() {
          @Override
          public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
            Throwable failure = event.getNewDescription().getException();
            if (failure != null && monitorFailure.compareAndSet(null, failure)) {
              Optional.ofNullable(opened.get()).ifPresent(MongoClient::close);
            }
          }
        };
    EgressDnsResolver resolver = new EgressDnsResolver(gate, node.port());
    MongoClientSettings.Builder settings =
        MongoClientSettings.builder()
            .applicationName(applicationName)
            .applyToClusterSettings(
                cluster ->
                    cluster
                        .hosts(List.of(new ServerAddress(node.host(), node.port())))
                        .mode(ClusterConnectionMode.SINGLE)
                        .serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket ->
                    socket
                        .connectTimeout(millis, TimeUnit.MILLISECONDS)
                        .readTimeout(millis, TimeUnit.MILLISECONDS))
            .applyToSslSettings(ssl -> ssl.enabled(tls))
            .applyToServerSettings(server -> server.addServerListener(failFast))
            .inetAddressResolver(host -> List.of(resolver.resolve(host)))
            .retryReads(false)
            .retryWrites(false)
            .timeout(millis, TimeUnit.MILLISECONDS);
    credential.ifPresent(settings::credential);
    this.client = MongoClients.create(settings.build());
    opened.set(client);
    if (monitorFailure.get() != null) {
      client.close();
    }
  }

  MongoClient client() {
    return client;
  }

  /** Why the driver's monitor could not talk to the node, if it could not. */
  Optional<Throwable> monitorFailure() {
    return Optional.ofNullable(monitorFailure.get());
  }

  @Override
  public void close() {
    client.close();
  }
}
