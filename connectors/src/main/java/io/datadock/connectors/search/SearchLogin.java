package io.datadock.connectors.search;

import io.datadock.connectors.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a search cluster is logged into, from the secret: an API key ({@code apikey}, sent as {@code
 * Authorization: ApiKey <key>}, the encoded form both Elasticsearch and OpenSearch hand out), or
 * {@code username} and {@code password} (basic authentication), or nothing (an open cluster).
 */
record SearchLogin(String authorization, String who) {

  static SearchLogin of(Credentials credentials) {
    String apiKey = first(credentials, "apikey", "api_key");
    if (apiKey != null) {
      return new SearchLogin("ApiKey " + apiKey, "an API key");
    }
    String user = credentials.get("username");
    if (user == null) {
      return new SearchLogin(null, "no credentials");
    }
    String password = Optional.ofNullable(credentials.get("password")).orElse("");
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new SearchLogin("Basic " + basic, "user '" + user + "'");
  }

  /**
   * The credentials with the header's value added, so a message quoting it (the Base64 of basic
   * credentials holds the password) is cleaned as well.
   */
  Credentials redacting(Credentials credentials) {
    if (authorization == null) {
      return credentials;
    }
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    data.put("authorization_header", authorization);
    return new Credentials(data, credentials.files());
  }

  private static String first(Credentials credentials, String... keys) {
    for (String key : keys) {
      String value = credentials.get(key);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}
