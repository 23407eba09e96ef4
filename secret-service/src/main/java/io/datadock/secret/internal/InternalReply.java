package io.datadock.secret.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datadock.core.resolution.ResolutionWire;
import io.datadock.core.resolution.ResolveAnswer;
import io.datadock.core.resolution.ResolveError;
import io.datadock.runtime.http.Replies;
import io.vertx.ext.web.RoutingContext;

/**
 * One answer of secret-service's internal listener, as a value: a status and a JSON body. Every
 * error of the listener is built here, in the one error shape ({@link ResolveError}), its code
 * matching its status.
 */
public record InternalReply(int status, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A successful answer: {@code body} as JSON (maps, lists, strings, numbers). */
  public static InternalReply ok(Object body) {
    try {
      return new InternalReply(200, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an internal answer", e);
    }
  }

  /** An allowed resolution. */
  public static InternalReply answer(ResolveAnswer answer) {
    return new InternalReply(200, ResolutionWire.write(answer));
  }

  public static InternalReply malformed(String message) {
    return error(400, "malformed", message);
  }

  public static InternalReply unauthenticated(String message) {
    return error(401, "unauthenticated", message);
  }

  public static InternalReply forbidden(String message) {
    return error(403, "forbidden", message);
  }

  public static InternalReply notFound(String message) {
    return error(404, "not_found", message);
  }

  public static InternalReply methodNotAllowed(String message) {
    return error(405, "method_not_allowed", message);
  }

  public static InternalReply conflict(String message) {
    return error(409, "conflict", message);
  }

  public static InternalReply internal(String message) {
    return error(500, "internal", message);
  }

  public static InternalReply unavailable(String message) {
    return error(503, "unavailable", message);
  }

  private static InternalReply error(int status, String code, String message) {
    return new InternalReply(status, ResolutionWire.write(new ResolveError(code, message)));
  }

  /** Sends this reply ({@code Content-Type: application/json}). */
  public void send(RoutingContext ctx) {
    Replies.json(ctx, status, body);
  }
}
