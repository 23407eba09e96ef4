package io.datadock.connectors.snowflake;

import io.datadock.connectors.Credentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of a login request from the secret: {@code username} with either a private key
 * ({@link SnowflakeKey}: {@code AUTHENTICATOR} {@code SNOWFLAKE_JWT} and the signed {@code TOKEN})
 * or a {@code password}.
 *
 * @param who for messages: {@code user 'X'} or {@code user 'X' (key pair SHA256:…)}
 */
record SnowflakeLogin(Map<String, Object> data, String who, String jwt) {

  /**
   * @throws SnowflakeSession.Refused when the secret lacks what a login needs or its key is
   *     unusable
   */
  static SnowflakeLogin of(SnowflakeAccount account, Credentials credentials, Instant now)
      throws SnowflakeSession.Refused {
    String user = credentials.get("username");
    if (user == null || user.isBlank()) {
      throw new SnowflakeSession.Refused(null, "the secret has no 'username'");
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("CLIENT_APP_ID", SnowflakeSession.CLIENT_APP_ID);
    data.put("CLIENT_APP_VERSION", "1");
    data.put("ACCOUNT_NAME", account.account());
    data.put("LOGIN_NAME", user);
    data.put("CLIENT_ENVIRONMENT", Map.of("APPLICATION", SnowflakeSession.CLIENT_APP_ID));
    String pem = SnowflakeKey.pem(credentials);
    if (pem != null) {
      try {
        SnowflakeKey key = SnowflakeKey.of(pem, credentials.get("passphrase"));
        String jwt = key.jwt(account, user, now);
        data.put("AUTHENTICATOR", "SNOWFLAKE_JWT");
        data.put("TOKEN", jwt);
        return new SnowflakeLogin(
            data, "user '" + user + "' (key pair " + key.fingerprint() + ")", jwt);
      } catch (SnowflakeKey.Unusable e) {
        throw new SnowflakeSession.Refused(null, e.getMessage());
      }
    }
    String password = credentials.get("password");
    if (password == null || password.isEmpty()) {
      throw new SnowflakeSession.Refused(null, "the secret has neither 'password' nor 'key'");
    }
    data.put("PASSWORD", password);
    return new SnowflakeLogin(data, "user '" + user + "'", null);
  }

  /** The credentials with this login's JWT added, so a message quoting it is cleaned as well. */
  Credentials redacting(Credentials credentials) {
    if (jwt == null) {
      return credentials;
    }
    Map<String, String> more = new LinkedHashMap<>(credentials.data());
    more.put("login_jwt", jwt);
    return new Credentials(more, credentials.files());
  }

  /**
   * The secret with its private key's PEM and each of its lines added as data values, so that a
   * message quoting any of them is cleaned like a password would be.
   */
  static Credentials redactingKey(Credentials credentials) {
    String pem = SnowflakeKey.pem(credentials);
    if (pem == null) {
      return credentials;
    }
    List<String> secrets = new ArrayList<>(List.of(pem));
    for (String line : pem.split("\\R")) {
      if (line.strip().length() >= 16 && !line.startsWith("-----")) {
        secrets.add(line.strip());
      }
    }
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    for (int i = 0; i < secrets.size(); i++) {
      data.put("private_key_secret_" + i, secrets.get(i));
    }
    return new Credentials(data, credentials.files());
  }
}
