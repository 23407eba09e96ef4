package io.datadock.connectors.mongodb;

import com.mongodb.MongoCredential;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.SourceConnection;
import java.util.Map;
import java.util.Optional;

/**
 * How a MongoDB depot logs in and connects: {@code username} and {@code password} from the secret
 * (mechanism negotiated by the driver), authenticated against the {@code authSource} param (default
 * {@code admin}); TLS when the {@code tls} (or {@code ssl}) param is true.
 */
record MongoLogin(
    String user, String authSource, boolean tls, Optional<MongoCredential> credential) {

  static MongoLogin of(SourceConnection connection, Credentials credentials) {
    Map<?, ?> params = connection.fields().get("params") instanceof Map<?, ?> map ? map : Map.of();
    String authSource =
        Optional.ofNullable(params.get("authSource")).map(Object::toString).orElse("admin");
    boolean tls =
        "true".equalsIgnoreCase(String.valueOf(params.get("tls")))
            || "true".equalsIgnoreCase(String.valueOf(params.get("ssl")));
    String user = credentials.get("username");
    String password = credentials.get("password");
    Optional<MongoCredential> credential =
        user == null
            ? Optional.empty()
            : Optional.of(
                MongoCredential.createCredential(
                    user, authSource, password == null ? new char[0] : password.toCharArray()));
    return new MongoLogin(user, authSource, tls, credential);
  }

  String who() {
    return user == null ? "without credentials" : "as user '" + user + "'";
  }
}
