package io.datadock.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A protocol fixture for Snowflake on 127.0.0.1, answering the JSON its drivers get: {@code POST
 * /session/v1/login-request} checks the account, the user's password or the key-pair JWT (RS256
 * signature against the user's registered public key, {@code iss} with that key's SHA-256
 * fingerprint, {@code sub}, not expired) and answers {@code 390100} / {@code 390144} otherwise,
 * {@code 390189} for a role not granted; its {@code sessionInfo} names the warehouse and database
 * asked for only when they exist and the role was granted them (null otherwise, as Snowflake does).
 * {@code POST /queries/v1/query-request} answers only the tokens it gave, and only the information
 * schema query of the scan (its database granted, {@code LIMIT}/{@code OFFSET} paged) from tables
 * held in memory. It shows the connector speaks the protocol; it is not Snowflake.
 */
public final class TestSnowflakeServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COLUMNS_QUERY =
      Pattern.compile(
          "SELECT c\\.table_schema, c\\.table_name, t\\.table_type, t\\.row_count, c\\.column_name,"
              + " c\\.data_type, c\\.is_nullable, c\\.ordinal_position FROM \"([^\"]+)\""
              + "\\.information_schema\\.columns c JOIN \"\\1\"\\.information_schema\\.tables t .*"
              + " ORDER BY c\\.table_schema, c\\.table_name, c\\.ordinal_position"
              + " LIMIT ([0-9]+) OFFSET ([0-9]+)");

  /** One session: the role and database it was opened with. */
  private record Session(String role, String database) {}

  private final HttpServer server;
  private final String account;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> userRoles = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> roleGrants = new ConcurrentHashMap<>();
  private final Set<String> warehouses = ConcurrentHashMap.newKeySet();

  /** database → rows of its information schema query, in the query's order. */
  private final Map<String, TreeMap<String, List<List<String>>>> databases =
      new ConcurrentHashMap<>();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();

  private TestSnowflakeServer(String account) throws IOException {
    this.account = account.toUpperCase(Locale.ROOT);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/session/v1/login-request", this::login);
    server.createContext("/queries/v1/query-request", this::query);
    server.start();
  }

  /** A server for the account {@code account} (compared in upper case, as Snowflake does). */
  public static TestSnowflakeServer start(String account) throws IOException {
    return new TestSnowflakeServer(account);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}: a depot's {@code url}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public TestSnowflakeServer user(String name, String password, String... roles) {
    passwords.put(name.toUpperCase(Locale.ROOT), password);
    return roles(name, roles);
  }

  /** A user logging in with a key pair: {@code publicKey} is the one set on the user. */
  public TestSnowflakeServer user(String name, PublicKey publicKey, String... roles) {
    keys.put(name.toUpperCase(Locale.ROOT), publicKey);
    return roles(name, roles);
  }

  private TestSnowflakeServer roles(String user, String... roles) {
    Set<String> granted = ConcurrentHashMap.newKeySet();
    granted.add("PUBLIC");
    for (String role : roles) {
      granted.add(role.toUpperCase(Locale.ROOT));
    }
    userRoles.put(user.toUpperCase(Locale.ROOT), granted);
    return this;
  }

  public TestSnowflakeServer warehouse(String name) {
    warehouses.add(name.toUpperCase(Locale.ROOT));
    return this;
  }

  /** Grants {@code role} the use of warehouses and databases. */
  public TestSnowflakeServer grant(String role, String... objects) {
    Set<String> grants =
        roleGrants.computeIfAbsent(
            role.toUpperCase(Locale.ROOT), r -> ConcurrentHashMap.newKeySet());
    for (String object : objects) {
      grants.add(object.toUpperCase(Locale.ROOT));
    }
    return this;
  }

  /**
   * A table of {@code database}: {@code columns} as {@code "NAME TYPE"} or {@code "NAME TYPE NOT
   * NULL"}; {@code type} {@code BASE TABLE} or {@code VIEW}.
   */
  public TestSnowflakeServer table(
      String database, String schema, String table, String type, long rows, String... columns) {
    List<List<String>> answer = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      String[] parts = columns[i].split(" ", 3);
      answer.add(
          java.util.Arrays.asList(
              schema,
              table,
              type,
              type.equals("VIEW") ? null : Long.toString(rows),
              parts[0],
              parts[1],
              parts.length > 2 && parts[2].equals("NOT NULL") ? "NO" : "YES",
              Integer.toString(i + 1)));
    }
    databases
        .computeIfAbsent(database.toUpperCase(Locale.ROOT), d -> new TreeMap<>())
        .put(schema + "\u0000" + table, answer);
    return this;
  }

  /** The SQL text of every query received, in order. */
  public List<String> queries() {
    return List.copyOf(queries);
  }

  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
    JsonNode data = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("data");
    String user = data.path("LOGIN_NAME").asText("").toUpperCase(Locale.ROOT);
    if (!account.equalsIgnoreCase(data.path("ACCOUNT_NAME").asText(""))) {
      respond(exchange, refused("390100", "Incorrect username or password was specified."));
      return;
    }
    if ("SNOWFLAKE_JWT".equals(data.path("AUTHENTICATOR").asText())) {
      if (!validJwt(user, data.path("TOKEN").asText(""))) {
        respond(exchange, refused("390144", "JWT token is invalid."));
        return;
      }
    } else if (!passwords.containsKey(user)
        || !passwords.get(user).equals(data.path("PASSWORD").asText(null))) {
      respond(exchange, refused("390100", "Incorrect username or password was specified."));
      return;
    }
    String role = params.getOrDefault("roleName", "PUBLIC").toUpperCase(Locale.ROOT);
    if (!userRoles.getOrDefault(user, Set.of()).contains(role)) {
      respond(exchange, refused("390189", "Role '" + role + "' is not granted to this user."));
      return;
    }
    Set<String> grants = roleGrants.getOrDefault(role, Set.of());
    String warehouse = upper(params.get("warehouse"));
    String database = upper(params.get("databaseName"));
    warehouse = warehouses.contains(warehouse) && grants.contains(warehouse) ? warehouse : null;
    database = databases.containsKey(database) && grants.contains(database) ? database : null;
    String token = "ver:1-hint:" + UUID.randomUUID();
    sessions.put(token, new Session(role, database));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("databaseName", database);
    info.put("schemaName", null);
    info.put("warehouseName", warehouse);
    info.put("roleName", role);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", token);
    answer.put("validityInSeconds", 3600);
    answer.put("masterToken", "master-" + UUID.randomUUID());
    answer.put("sessionInfo", info);
    respond(exchange, success(answer));
  }

  private boolean validJwt(String user, String jwt) {
    PublicKey key = keys.get(user);
    String[] parts = jwt.split("\\.");
    if (key == null || parts.length != 3) {
      return false;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return false;
      }
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      String fingerprint =
          "SHA256:"
              + Base64.getEncoder()
                  .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
      String subject = account + "." + user;
      long now = Instant.now().getEpochSecond();
      return claims.path("sub").asText().equals(subject)
          && claims.path("iss").asText().equals(subject + "." + fingerprint)
          && claims.path("exp").asLong() > now
          && claims.path("iat").asLong() <= now + 60;
    } catch (Exception e) {
      return false;
    }
  }

  private void query(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher token =
        Pattern.compile("Snowflake Token=\"(.+)\"")
            .matcher(authorization == null ? "" : authorization);
    Session session = token.matches() ? sessions.get(token.group(1)) : null;
    if (session == null) {
      respond(exchange, refused("390104", "Authentication token is invalid."));
      return;
    }
    String sql = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("sqlText").asText();
    queries.add(sql);
    Matcher columns = COLUMNS_QUERY.matcher(sql);
    if (!columns.matches()) {
      respond(exchange, refused("001003", "SQL compilation error."));
      return;
    }
    String database = columns.group(1);
    if (!database.equals(session.database())) {
      respond(
          exchange,
          refused("002003", "Database '" + database + "' does not exist or not authorized."));
      return;
    }
    List<List<String>> all = new ArrayList<>();
    databases.get(database).values().forEach(all::addAll);
    int limit = Integer.parseInt(columns.group(2));
    int offset = Integer.parseInt(columns.group(3));
    List<List<String>> rows =
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
    Map<String, Object> data = new LinkedHashMap<>();
    List<Map<String, Object>> rowtype = new ArrayList<>();
    for (String name :
        List.of(
            "TABLE_SCHEMA",
            "TABLE_NAME",
            "TABLE_TYPE",
            "ROW_COUNT",
            "COLUMN_NAME",
            "DATA_TYPE",
            "IS_NULLABLE",
            "ORDINAL_POSITION")) {
      rowtype.add(Map.of("name", name, "type", "text", "nullable", true));
    }
    data.put("rowtype", rowtype);
    data.put("rowset", rows);
    data.put("total", rows.size());
    data.put("returned", rows.size());
    data.put("queryResultFormat", "json");
    respond(exchange, success(data));
  }

  private static Map<String, Object> success(Map<String, Object> data) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", data);
    answer.put("code", null);
    answer.put("message", null);
    answer.put("success", true);
    return answer;
  }

  private static Map<String, Object> refused(String code, String message) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", Map.of("nextAction", "RETRY_LOGIN"));
    answer.put("code", code);
    answer.put("message", message);
    answer.put("success", false);
    return answer;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }

  private static String upper(String name) {
    return name == null ? "" : name.toUpperCase(Locale.ROOT);
  }

  private static void respond(HttpExchange exchange, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
