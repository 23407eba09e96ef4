package io.datadock.connectors.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import io.datadock.connectors.Credentials;
import io.datadock.connectors.Deadline;
import io.datadock.connectors.egress.EgressGate;
import io.datadock.connectors.http.EgressRestClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A session with Snowflake over the REST protocol its own drivers speak: {@code POST
 * /session/v1/login-request} with the warehouse, database, schema and role asked for, the user's
 * password or a key-pair JWT ({@link SnowflakeKey}) in {@code data}; the answer's {@code
 * data.token} authorizes {@code POST /queries/v1/query-request} ({@code Authorization: Snowflake
 * Token="…"}), and {@code data.sessionInfo} says which warehouse, database and role the session
 * really has (null where one does not exist or is not granted). Every call goes through the egress
 * gate ({@link EgressRestClient}).
 */
final class SnowflakeSession implements AutoCloseable {

  static final String LOGIN = "/session/v1/login-request";
  static final String QUERY = "/queries/v1/query-request";
  static final String CLIENT_APP_ID = "Datadock";

  /** Snowflake's codes for a refused login. */
  static final String WRONG_PASSWORD = "390100";

  static final String JWT_INVALID = "390144";
  static final String ROLE_NOT_GRANTED = "390189";

  private static final Map<String, String> ACCEPT = Map.of("Accept", "application/snowflake");

  /** What the session was opened with, as Snowflake names it: null where it has none. */
  record Info(String warehouse, String database, String role, String schema) {}

  /** A refused login: the code Snowflake gave (null when none), in words fit for a step. */
  static final class Refused extends Exception {
    final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  private final EgressRestClient client;
  private final Info info;
  private final String who;
  private final String token;
  private int sequence;

  private SnowflakeSession(EgressRestClient client, Info info, String who, String token) {
    this.client = client;
    this.info = info;
    this.who = who;
    this.token = token;
  }

  /**
   * @param credentials the secret, with {@link SnowflakeLogin#redactingKey} applied
   * @throws Refused why no session was opened
   */
  static SnowflakeSession open(
      SnowflakeAccount account, Credentials credentials, EgressGate gate, Deadline deadline)
      throws Refused {
    SnowflakeLogin login = SnowflakeLogin.of(account, credentials, Instant.now());
    String server = account.server().toString();
    JsonNode answer;
    try (EgressRestClient anonymous =
        new EgressRestClient(server, account.server().port(), null, gate, deadline)) {
      EgressRestClient.Response response;
      try {
        response = anonymous.postJson(loginPath(account), Map.of("data", login.data()), ACCEPT);
      } catch (Exception e) {
        throw new Refused(null, anonymous.describe(e, login.redacting(credentials)));
      }
      answer = response.body();
      if (answer == null || !answer.has("success")) {
        throw new Refused(
            null,
            "HTTP "
                + response.status()
                + " without Snowflake's JSON from "
                + server
                + ": is 'url' a Snowflake account's?");
      }
    }
    if (!answer.path("success").asBoolean()) {
      throw refusal(answer.path("code").asText(null), login, account);
    }
    JsonNode data = answer.path("data");
    String token = data.path("token").asText("");
    if (token.isBlank()) {
      throw new Refused(null, "Snowflake answered the login without a session token");
    }
    JsonNode session = data.path("sessionInfo");
    Info info =
        new Info(
            text(session, "warehouseName"),
            text(session, "databaseName"),
            text(session, "roleName"),
            text(session, "schemaName"));
    return new SnowflakeSession(
        new EgressRestClient(
            server, account.server().port(), "Snowflake Token=\"" + token + "\"", gate, deadline),
        info,
        login.who(),
        token);
  }

  Info info() {
    return info;
  }

  /** {@code user 'X'} or {@code user 'X' (key pair SHA256:…)}. */
  String who() {
    return who;
  }

  /**
   * The rows of {@code sql}'s result, each value as Snowflake's JSON result gives it (text or
   * null).
   *
   * @throws IllegalStateException with Snowflake's error code when the query failed, or when its
   *     result came in chunks elsewhere (not read)
   * @throws Exception what the call failed with
   */
  List<List<String>> query(String sql) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sqlText", sql);
    body.put("asyncExec", false);
    body.put("sequenceId", ++sequence);
    body.put("querySubmissionTime", System.currentTimeMillis());
    EgressRestClient.Response response =
        client.postJson(QUERY + "?requestId=" + UUID.randomUUID(), body, ACCEPT);
    JsonNode answer = response.body();
    if (answer == null || !answer.path("success").asBoolean()) {
      throw new IllegalStateException(
          "Snowflake refused the query ("
              + (answer == null
                  ? "HTTP " + response.status()
                  : "code " + answer.path("code").asText("none"))
              + ")");
    }
    JsonNode data = answer.path("data");
    if (data.path("chunks").size() > 0) {
      throw new IllegalStateException(
          "Snowflake sent the result in chunks, which the scan does not read");
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : data.path("rowset")) {
      List<String> values = new ArrayList<>();
      row.forEach(v -> values.add(v.isNull() ? null : v.asText()));
      rows.add(values);
    }
    return rows;
  }

  /** Why a call of this session failed, for a message (the token never in it). */
  String describe(Exception error, Credentials credentials) {
    Map<String, String> data = new LinkedHashMap<>(credentials.data());
    data.put("session_token", token);
    return client.describe(error, new Credentials(data, credentials.files()));
  }

  @Override
  public void close() {
    client.close();
  }

  private static String loginPath(SnowflakeAccount account) {
    StringBuilder path = new StringBuilder(LOGIN).append("?requestId=").append(UUID.randomUUID());
    path.append("&warehouse=").append(encode(account.warehouse()));
    path.append("&databaseName=").append(encode(account.database()));
    if (account.schema() != null) {
      path.append("&schemaName=").append(encode(account.schema()));
    }
    path.append("&roleName=").append(encode(account.role()));
    return path.toString();
  }

  private static Refused refusal(String code, SnowflakeLogin login, SnowflakeAccount account) {
    String message =
        switch (code == null ? "" : code) {
          case WRONG_PASSWORD ->
              "Snowflake refused " + login.who() + ": incorrect username or password (390100)";
          case JWT_INVALID ->
              "Snowflake refused the JWT of "
                  + login.who()
                  + ": the user's public key is not this key's (390144)";
          case ROLE_NOT_GRANTED ->
              "role '" + account.role() + "' is not granted to " + login.who() + " (390189)";
          case "" -> "Snowflake refused the login of " + login.who() + " (no code)";
          default ->
              "Snowflake refused the login of "
                  + login.who()
                  + " (code "
                  + (code.matches("[0-9]{1,8}") ? code : "not numeric")
                  + ")";
        };
    return new Refused(code, message);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
