package io.datadock.secret.rotation;

import io.datadock.secret.internal.Callers;
import io.datadock.secret.internal.InternalReply;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The key rotation admin commands, for operators (the admin until roles exist): {@code GET
 * /internal/v1/keys} (keys and how many secrets each seals), {@code POST /internal/v1/keys/rotate},
 * {@code POST /internal/v1/keys/{keyId}/retire}. Anything under the path needs the operator token
 * (403 otherwise); a refused command is 409, an unknown key or command 404.
 */
public final class KeyAdminRoutes {

  public static final String PATH = "/internal/v1/keys";
  private static final String OPERATOR = "user:admin";

  private final KeyRotation rotation;
  private final Callers callers;

  public KeyAdminRoutes(KeyRotation rotation, Callers callers) {
    this.rotation = rotation;
    this.callers = callers;
  }

  public void mount(Router router) {
    router.route(PATH + "*").handler(this::operatorOnly);
    router.get(PATH).blockingHandler(command(this::list), false);
    router.post(PATH + "/rotate").blockingHandler(command(this::rotate), false);
    router
        .routeWithRegex(HttpMethod.POST, PATH + "/(?<keyId>[A-Za-z0-9-]+)/retire")
        .blockingHandler(command(this::retire), false);
    router.route(PATH + "*").handler(this::unknown);
  }

  private void operatorOnly(RoutingContext ctx) {
    if (callers
        .configured(ctx.request().getHeader("Authorization"))
        .filter(OPERATOR::equals)
        .isEmpty()) {
      InternalReply.forbidden("key administration needs the operator (admin) token").send(ctx);
      return;
    }
    ctx.next();
  }

  private InternalReply list(RoutingContext ctx) {
    List<Map<String, Object>> keys = new ArrayList<>();
    rotation.usage().forEach((id, n) -> keys.add(Map.of("keyId", id, "secrets", n)));
    return InternalReply.ok(Map.of("keys", keys));
  }

  private InternalReply rotate(RoutingContext ctx) {
    KeyRotation.Report report = rotation.rotate();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("newKeyId", report.newKeyId());
    out.put("resealsSubmitted", report.resealsSubmitted());
    return InternalReply.ok(out);
  }

  private InternalReply retire(RoutingContext ctx) {
    String keyId = ctx.pathParam("keyId");
    rotation.retire(keyId);
    return InternalReply.ok(Map.of("retired", keyId));
  }

  private void unknown(RoutingContext ctx) {
    InternalReply.notFound(
            "no such key command: " + ctx.request().method().name() + " " + ctx.request().path())
        .send(ctx);
  }

  /** A command's answer, or 409 for a refused one and 404 for an unknown key. */
  private static Handler<RoutingContext> command(Function<RoutingContext, InternalReply> action) {
    return ctx -> {
      InternalReply reply;
      try {
        reply = action.apply(ctx);
      } catch (IllegalStateException e) {
        reply = InternalReply.conflict(e.getMessage());
      } catch (IllegalArgumentException e) {
        reply = InternalReply.notFound(e.getMessage());
      }
      reply.send(ctx);
    };
  }
}
