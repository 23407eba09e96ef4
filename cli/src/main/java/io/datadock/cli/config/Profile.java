package io.datadock.cli.config;

import io.datadock.cli.CliException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the CLI talks to and as whom: a gateway URL, a bearer token and an optional tenant. */
public record Profile(String gateway, String token, String tenant) {

  /** {@code DATADOCK_GATEWAY}, {@code DATADOCK_TOKEN} and {@code DATADOCK_TENANT} win. */
  public Profile withEnvironment(Map<String, String> env) {
    return new Profile(
        pick(env.get("DATADOCK_GATEWAY"), gateway),
        pick(env.get("DATADOCK_TOKEN"), token),
        pick(env.get("DATADOCK_TENANT"), tenant));
  }

  public Profile requireComplete() {
    if (gateway == null || gateway.isBlank() || token == null || token.isBlank()) {
      throw new CliException("no gateway or token configured: run datadock login");
    }
    return this;
  }

  /** The gateway URL without a trailing slash. */
  public String baseUrl() {
    return gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("gateway", gateway);
    m.put("token", token);
    if (tenant != null) {
      m.put("tenant", tenant);
    }
    return m;
  }

  static Profile fromMap(Map<?, ?> m) {
    return new Profile(string(m.get("gateway")), string(m.get("token")), string(m.get("tenant")));
  }

  private static String string(Object o) {
    return o == null ? null : o.toString();
  }

  private static String pick(String override, String value) {
    return override != null && !override.isBlank() ? override : value;
  }
}
