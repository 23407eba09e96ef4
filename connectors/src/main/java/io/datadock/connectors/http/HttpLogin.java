package io.datadock.connectors.http;

import io.datadock.connectors.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a REST API is logged into, from the secret: a token (an Elasticsearch API key, a Pulsar
 * token), or {@code username} and {@code password} (basic authentication), or nothing.
 *
 * @param authorization the {@code Authorization} header's value, null for none
 * @param who for messages: {@code user 'x'}, {@code an API key}, {@code no credentials}
 */
public record HttpLogin(String authorization, String who) {

  /**
   * @param tokenKey the secret's key holding a token ({@code apikey}, {@code token})
   * @param tokenScheme the header's scheme for it ({@code ApiKey}, {@code Bearer})
   * @param tokenWho how messages name it ({@code an API key})
   */
  public static HttpLogin of(
      Credentials credentials, String tokenKey, String tokenScheme, String tokenWho) {
    String token = credentials.get(tokenKey);
    if (token != null && !token.isBlank()) {
      return new HttpLogin(tokenScheme + " " + token.trim(), tokenWho);
    }
    String user = credentials.get("username");
    if (user == null) {
      return new HttpLogin(null, "no credentials");
    }
    String password = Optional.ofNullable(credentials.get("password")).orElse("");
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HttpLogin("Basic " + basic, "user '" + user + "'");
  }

  /**
   * The credentials with the header's value added, so a message quoting it (the Base64 of basic
   * credentials holds the password) is cleaned as well.
   */
  public Credentials redacting(Credentials credentials) {
    if (authorization == null) {
      return credentials;
    }
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    data.put("authorization_header", authorization);
    return new Credentials(data, credentials.files());
  }

  /** Why a request with this login was answered {@code status}, for {@code action}. */
  public String refusal(int status, String action, String server) {
    return switch (status) {
      case 401 ->
          authorization == null
              ? "the " + server + " requires credentials (HTTP 401)"
              : "the " + server + " refused " + who + " (HTTP 401)";
      case 403 -> who + " may not " + action + " (HTTP 403)";
      default -> "HTTP " + status + " when trying to " + action;
    };
  }
}
