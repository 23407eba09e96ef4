package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.gateway.auth.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/** Reading the JSON bodies and the caller of the small management endpoints. */
final class Requests {

  private Requests() {}

  static Caller caller(RoutingContext ctx) {
    return ctx.get(HttpApi.CALLER);
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        throw DatadockException.malformed("the body must be a JSON object");
      }
      return body;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw DatadockException.malformed("the body must be a JSON object");
    }
  }

  static String required(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw DatadockException.invalid(field, field + " is required and must be a string");
    }
    return s;
  }

  static List<String> strings(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || !array.stream().allMatch(v -> v instanceof String)) {
      throw DatadockException.invalid(field, field + " must be a list of strings");
    }
    return array.stream().map(String.class::cast).toList();
  }

  static String instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
