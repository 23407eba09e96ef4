package io.datadock.connectors.eventhub;

import io.datadock.connectors.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka login of an Event Hubs namespace: SASL PLAIN over TLS, user {@code $ConnectionString},
 * the namespace's connection string as the password, built from the secret's shared access key
 * ({@code eh_shared_access_key_name}, {@code eh_shared_access_key}).
 */
final class EventHubLogin {

  static final String USER = "$ConnectionString";
  static final String KEY_NAME = "eh_shared_access_key_name";
  static final String KEY = "eh_shared_access_key";

  private EventHubLogin() {}

  /**
   * Credentials for the Kafka family's check and scan; the secret's own values stay in them so
   * every message is cleaned of them too.
   *
   * @throws IllegalArgumentException naming the key the secret lacks
   */
  static Credentials kafkaCredentials(EventHubEndpoint endpoint, Credentials secret) {
    String keyName = secret.get(KEY_NAME);
    String key = secret.get(KEY);
    if (keyName == null || keyName.isBlank()) {
      throw new IllegalArgumentException("the secret has no '" + KEY_NAME + "'");
    }
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("the secret has no '" + KEY + "'");
    }
    Map<String, String> data = new LinkedHashMap<>(secret.data());
    data.put("username", USER);
    data.put("password", connectionString(endpoint, keyName, key));
    data.put("security_protocol", "SASL_SSL");
    data.put("sasl_mechanism", "PLAIN");
    return new Credentials(data, Map.of());
  }

  /** {@code Endpoint=sb://<namespace>/;SharedAccessKeyName=<name>;SharedAccessKey=<key>}. */
  static String connectionString(EventHubEndpoint endpoint, String keyName, String key) {
    return "Endpoint="
        + endpoint.connectionStringEndpoint()
        + ";SharedAccessKeyName="
        + keyName
        + ";SharedAccessKey="
        + key;
  }
}
