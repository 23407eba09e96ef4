package io.datadock.secret.rotation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.datadock.secret.internal.InternalHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key rotation admin commands, for operators (the admin until roles exist): {@code GET
 * /internal/v1/keys} (keys and how many secrets each seals), {@code POST /internal/v1/keys/rotate},
 * {@code POST /internal/v1/keys/{keyId}/retire}.
 */
public final class KeyAdminHandler implements HttpHandler {

  public static final String PATH = "/internal/v1/keys";
  private static final Pattern RETIRE = Pattern.compile(PATH + "/([A-Za-z0-9-]+)/retire");

  private final KeyRotation rotation;
  private final Map<String, String> callers;

  public KeyAdminHandler(KeyRotation rotation, Map<String, String> callers) {
    this.rotation = rotation;
    this.callers = Map.copyOf(callers);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (IllegalStateException e) {
      InternalHttp.reply(exchange, 409, InternalHttp.error("conflict", e.getMessage()));
    } catch (IllegalArgumentException e) {
      InternalHttp.reply(exchange, 404, InternalHttp.error("not_found", e.getMessage()));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    if (!"user:admin"
        .equals(
            InternalHttp.caller(callers, exchange.getRequestHeaders().getFirst("Authorization")))) {
      InternalHttp.reply(
          exchange,
          403,
          InternalHttp.error("forbidden", "key administration needs the operator (admin) token"));
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (method.equals("GET") && path.equals(PATH)) {
      List<Map<String, Object>> keys = new ArrayList<>();
      rotation.usage().forEach((id, n) -> keys.add(Map.of("keyId", id, "secrets", n)));
      InternalHttp.reply(exchange, 200, Map.of("keys", keys));
    } else if (method.equals("POST") && path.equals(PATH + "/rotate")) {
      KeyRotation.Report report = rotation.rotate();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("newKeyId", report.newKeyId());
      out.put("resealsSubmitted", report.resealsSubmitted());
      InternalHttp.reply(exchange, 200, out);
    } else {
      Matcher retire = RETIRE.matcher(path);
      if (method.equals("POST") && retire.matches()) {
        rotation.retire(retire.group(1));
        InternalHttp.reply(exchange, 200, Map.of("retired", retire.group(1)));
      } else {
        InternalHttp.reply(
            exchange,
            404,
            InternalHttp.error("not_found", "no such key command: " + method + " " + path));
      }
    }
  }
}
