package io.datadock.connectors.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.Destination.Endpoint;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.objectstore.EgressDnsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

  private final AtomicReference<Throwable> monitorFailure = new AtomicReference<>();
  private final Endpoint node;
  private final MongoLogin login;
  private final Deadline deadline;
  private final MongoClient client;

  MongoSession(
      Endpoint node, MongoLogin login, EgressGate gate, Deadline deadline, String applicationName) {
    this.node = node;
    this.login = login;
    this.deadline = deadline;
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
            .applyToSslSettings(ssl -> ssl.enabled(login.tls()))
            .applyToServerSettings(server -> server.addServerListener(failFast))
            .inetAddressResolver(host -> List.of(resolver.resolve(host)))
            .retryReads(false)
            .retryWrites(false)
            .timeout(millis, TimeUnit.MILLISECONDS);
    login.credential().ifPresent(settings::credential);
    this.client = MongoClients.create(settings.build());
    opened.set(client);
    if (monitorFailure.get() != null) {
      client.close();
    }
  }

  MongoClient client() {
    return client;
  }

  /**
   * The names of the databases the user may use (names only, {@code authorizedDatabases}), without
   * {@code admin}, {@code local} and {@code config}, within the time left.
   */
  List<String> userDatabases() throws Exception {
    List<String> names =
        deadline.call(
            () ->
                client
                    .listDatabases()
                    .nameOnly(true)
                    .authorizedDatabasesOnly(true)
                    .map(database -> database.getString("name"))
                    .into(new ArrayList<>()),
            late -> {});
    return names.stream().filter(name -> !SYSTEM_DATABASES.contains(name)).sorted().toList();
  }

  /**
   * Why a call failed, for a step's message or a scan's error: a refused login, or what {@link
   * MongoFailures#describe} makes of the driver monitor's failure or the call's own.
   */
  String problem(Exception error, Credentials credentials) {
    if (MongoFailures.isLogin(error)) {
      return "authentication failed for user '" + login.user() + "'";
    }
    return MongoFailures.describe(
        error, Optional.ofNullable(monitorFailure.get()), node, deadline, credentials);
  }

  @Override
  public void close() {
    client.close();
  }
}
