package io.datadock.cli.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A URL query string; parameters with a null value are left out. */
public final class Query {

  private final List<String> parts = new ArrayList<>();

  public static Query of() {
    return new Query();
  }

  public Query add(String name, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      parts.add(encode(name) + "=" + encode(value.toString()));
    }
    return this;
  }

  public Query flag(String name, boolean on) {
    return on ? add(name, "true") : this;
  }

  @Override
  public String toString() {
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  /** Percent-encodes one path segment or query value (a space as {@code %20}). */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
