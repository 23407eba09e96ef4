package io.datadock.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers) and {@code /readyz} (every readiness check holds: 200,
 * else 503, with each check's result), without authentication.
 */
final class HealthApi implements Endpoints {

  private final Map<String, BooleanSupplier> readiness;

  HealthApi(Map<String, BooleanSupplier> readiness) {
    this.readiness = readiness;
  }

  @Override
  public void mount(Router router) {
    router
        .get("/healthz")
        .handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/readyz").handler(this::handleReady);
  }

  private void handleReady(RoutingContext ctx) {
    JsonObject checks = new JsonObject();
    boolean ready = true;
    for (var check : readiness.entrySet()) {
      boolean ok = check.getValue().getAsBoolean();
      checks.put(check.getKey(), ok);
      ready &= ok;
    }
    Responses.json(
        ctx, ready ? 200 : 503, new JsonObject().put("ready", ready).put("checks", checks));
  }
}
