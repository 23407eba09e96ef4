package io.datadock.connectors.google;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;
import io.datadock.connectors.http.ServerUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A service account's access token, by OAuth 2.0's JWT bearer grant (RFC 7523), as Google's token
 * endpoint takes it: a JWT naming the account ({@code iss}), the scope and the token endpoint
 * ({@code aud}), signed RS256 with the account's key (the JDK's {@code SHA256withRSA}), posted to
 * the key file's {@code token_uri} through the egress-resolving client. The token endpoint is a
 * destination like any other: the egress policy decides its addresses.
 */
public final class TokenGrant {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  /** Why no token was granted, in words fit for a step (no credential value). */
  public static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private TokenGrant() {}

  /**
   * @param scope the OAuth scope asked for ({@code .../devstorage.read_only})
   * @param credentials for cleaning messages (see {@link ServiceAccount#redacting})
   * @return the access token
   * @throws Refused when the key cannot sign, the endpoint refused the grant or could not be asked
   */
  public static String fetch(
      ServiceAccount account,
      String scope,
      EgressGate gate,
      Deadline deadline,
      Credentials credentials)
      throws Refused {
    URI endpoint = tokenUri(account.tokenUri());
    String assertion = assertion(account, scope, endpoint.toString(), Instant.now());
    String server =
        endpoint.getScheme() + "://" + bracketed(endpoint.getHost()) + ":" + port(endpoint);
    try (EgressRestClient client =
        new EgressRestClient(server, port(endpoint), null, gate, deadline)) {
      EgressRestClient.Response answer;
      try {
        answer =
            client.postForm(
                endpoint.getRawPath(), Map.of("grant_type", GRANT_TYPE, "assertion", assertion));
      } catch (Exception e) {
        throw new Refused(
            "token endpoint: " + client.describe(e, withAssertion(credentials, assertion)));
      }
      JsonNode token = answer.body() == null ? null : answer.body().get("access_token");
      if (answer.ok() && token != null && token.isTextual() && !token.asText().isBlank()) {
        return token.asText();
      }
      throw new Refused(refusal(account, answer));
    }
  }

  /** The signed JWT: header, claims, RS256 signature, each base64url without padding. */
  static String assertion(ServiceAccount account, String scope, String audience, Instant now)
      throws Refused {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    if (account.privateKeyId() != null) {
      header.put("kid", account.privateKeyId());
    }
    long issued = now.getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", account.clientEmail());
    claims.put("scope", scope);
    claims.put("aud", audience);
    claims.put("iat", issued);
    claims.put("exp", issued + 3600);
    try {
      String signed = encode(header) + "." + encode(claims);
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(account.privateKey());
      rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new Refused(
          "the key file's private_key cannot sign (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The key file's {@code token_uri}: https, or http to a loopback address only (a test's or an
   * emulator's endpoint), so the signed assertion never crosses a network in clear.
   */
  static URI tokenUri(String text) throws Refused {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new Refused("the key file's token_uri is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null) {
      throw new Refused("the key file's token_uri must be https://host[:port]/path");
    }
    if (scheme.equals("https")
        || (scheme.equals("http") && ServerUrl.loopbackLiteral(uri.getHost()))) {
      return uri;
    }
    throw new Refused("the key file's token_uri must be https (http only to a loopback address)");
  }

  private static String refusal(ServiceAccount account, EgressRestClient.Response answer) {
    String error = field(answer.body(), "error");
    if (error != null && !error.matches("[a-z_]{1,40}")) {
      error = "an error that is not an OAuth code"; // a server's text is not echoed
    }
    String who = "the token endpoint refused service account '" + account.clientEmail() + "'";
    return switch (error == null ? "" : error) {
      case "invalid_grant" ->
          who + ": the key does not match the account, or it was deleted (invalid_grant)";
      case "invalid_client", "unauthorized_client" -> who + " (" + error + ")";
      case "" ->
          answer.ok()
              ? "the token endpoint answered without an access_token: is token_uri Google's?"
              : who + " (HTTP " + answer.status() + ")";
      default -> who + " (" + error + ", HTTP " + answer.status() + ")";
    };
  }

  private static String field(JsonNode body, String name) {
    JsonNode value = body == null ? null : body.get(name);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static Credentials withAssertion(Credentials credentials, String assertion) {
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    data.put("jwt_assertion", assertion);
    return new Credentials(data, credentials.files());
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static String encode(Map<String, Object> json) throws JsonProcessingException {
    return URL.encodeToString(JSON.writeValueAsBytes(json));
  }
}
