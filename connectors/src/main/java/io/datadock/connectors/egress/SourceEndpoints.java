package io.datadock.connectors.egress;

import io.datadock.connectors.SourceConnection;
import io.datadock.connectors.jdbc.JdbcLogin;
import io.datadock.connectors.kafka.KafkaClients;
import java.util.List;

/**
 * The network endpoints a check or scan of a connection would connect to, by source type: a JDBC
 * family's host and port (or the family's default port), every broker of a {@code kafka} source,
 * none for {@code file} and for types without a live check. A connection missing its host names no
 * endpoint (the check itself reports the missing field).
 */
public final class SourceEndpoints {

  /** A host and port to decide on. */
  public record Endpoint(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  private SourceEndpoints() {}

  public static List<Endpoint> of(SourceConnection connection) {
    if (connection.type().equals("kafka")) {
      return KafkaClients.brokers(connection.fields().get("brokers")).stream()
          .map(b -> new Endpoint(b.host(), b.port()))
          .toList();
    }
    return JdbcLogin.forType(connection.type())
        .flatMap(login -> login.endpoint(connection))
        .map(hostPort -> List.of(new Endpoint(hostPort.getHostString(), hostPort.getPort())))
        .orElse(List.of());
  }
}
