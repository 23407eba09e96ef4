package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.resource.ResourceKind;
import io.datadock.gateway.auth.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the handlers read from a request: the caller and token {@link Authentication} put on it, the
 * tenant it is for, query flags and the fields of a JSON body.
 */
public final class Requests {

  static final String CALLER = "caller";
  static final String TOKEN = "token";

  private Requests() {}

  /** Marks the request as made by {@code caller}, who presented {@code token}. */
  public static void authenticate(RoutingContext ctx, Caller caller, String token) {
    ctx.put(CALLER, caller);
    ctx.put(TOKEN, token);
  }

  public static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }

  /** The caller's bearer token, as sent. */
  public static String token(RoutingContext ctx) {
    return ctx.get(TOKEN);
  }

  /** The tenant a request is for: {@code tenant=}, else the caller's default tenant. */
  public static String tenant(RoutingContext ctx) {
    return Optional.ofNullable(ctx.queryParams().get("tenant")).orElse(caller(ctx).defaultTenant());
  }

  /**
   * A resource type as a path or {@code type=} names it.
   *
   * @throws DatadockException MALFORMED for anything but secret, instance-secret or depot
   */
  public static ResourceKind resourceType(String type) {
    return ResourceKind.parse(type);
  }

  /** The {@code type=} a listing is filtered by, checked ({@link #resourceType}); null without. */
  public static ResourceKind typeQuery(RoutingContext ctx) {
    String type = ctx.queryParams().get("type");
    return type == null ? null : resourceType(type);
  }

  /** Whether the query parameter {@code name} is {@code true} (any case). */
  public static boolean flag(RoutingContext ctx, String name) {
    return "true".equalsIgnoreCase(ctx.queryParams().get(name));
  }

  public static JsonObject body(RoutingContext ctx) {
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

  public static String required(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || s.isBlank()) {
      throw DatadockException.invalid(field, field + " is required and must be a string");
    }
    return s;
  }

  public static List<String> strings(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || !array.stream().allMatch(v -> v instanceof String)) {
      throw DatadockException.invalid(field, field + " must be a list of strings");
    }
    return array.stream().map(String.class::cast).toList();
  }

  public static String instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
