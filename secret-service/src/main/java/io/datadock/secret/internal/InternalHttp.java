package io.datadock.secret.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What secret-service's internal endpoints share: who the caller is, JSON answers and errors. */
public final class InternalHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InternalHttp() {}

  /** The identity a bearer token stands for, or null when there is none or it is unknown. */
  public static String caller(Map<String, String> callers, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return callers.get(authorization.substring(7).trim());
  }

  public static Map<String, Object> error(String code, String message) {
    return Map.of("error", Map.of("code", code, "message", message));
  }

  public static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
