package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.replay.ReplayCoordinator;
import io.datadock.gateway.replay.ReplayException;
import io.datadock.gateway.replay.ReplayReport;
import io.datadock.runtime.replay.StateDigest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * {@code POST /api/v1/admin/replay {"service": "depot"}}: an operator rebuilds a service's state
 * from its input topics and gets its state digest before and after. Blocks a worker thread, not the
 * event loop, for as long as the rebuild takes (bounded by {@code timeoutSeconds}).
 */
final class AdminApi {

  static final int DEFAULT_TIMEOUT_SECONDS = 120;
  static final int MAX_TIMEOUT_SECONDS = 3600;

  private final ReplayCoordinator replay;
  private final Authorizer authorizer;

  AdminApi(ReplayCoordinator replay, Authorizer authorizer) {
    this.replay = replay;
    this.authorizer = authorizer;
  }

  void mount(Router router) {
    router.post("/api/v1/admin/replay").handler(this::handleReplay);
  }

  private void handleReplay(RoutingContext ctx) {
    authorizer.operator(Requests.caller(ctx));
    if (replay == null) {
      throw new DatadockException(ErrorCode.UNAVAILABLE, "replay is not enabled on this gateway");
    }
    String service = service(ctx);
    Duration timeout = Duration.ofSeconds(timeoutSeconds(ctx));
    ctx.vertx()
        .executeBlocking(() -> replay.replay(service, timeout), false)
        .onSuccess(report -> Responses.json(ctx, 200, json(report)))
        .onFailure(e -> ctx.fail(translate(e)));
  }

  private String service(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw new DatadockException(ErrorCode.MALFORMED, "body must be a JSON object");
    }
    String choices = String.join(", ", replay.services());
    Object service = body == null ? null : body.getValue("service");
    if (!(service instanceof String name) || name.isBlank()) {
      throw new DatadockException(
          ErrorCode.INVALID, "service is required: one of " + choices, "service");
    }
    if (!replay.services().contains(name)) {
      throw new DatadockException(
          ErrorCode.INVALID,
          "service must be one of " + choices + ", not '" + name + "'",
          "service");
    }
    return name;
  }

  private static int timeoutSeconds(RoutingContext ctx) {
    String raw = ctx.request().getParam("timeoutSeconds");
    if (raw == null) {
      return DEFAULT_TIMEOUT_SECONDS;
    }
    try {
      int seconds = Integer.parseInt(raw);
      if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new DatadockException(
        ErrorCode.INVALID,
        "timeoutSeconds must be a whole number from 1 to " + MAX_TIMEOUT_SECONDS,
        "timeoutSeconds");
  }

  private static Throwable translate(Throwable e) {
    if (e instanceof ReplayException r) {
      ErrorCode code =
          switch (r.reason()) {
            case BUSY -> ErrorCode.CONFLICT;
            case TIMEOUT -> ErrorCode.TIMEOUT;
            case NOT_RUNNING, FAILED -> ErrorCode.UNAVAILABLE;
          };
      return new DatadockException(code, r.getMessage());
    }
    return e;
  }

  static JsonObject json(ReplayReport report) {
    return new JsonObject()
        .put("replayId", report.replayId())
        .put("service", report.service())
        .put("instances", new JsonArray(report.instances()))
        .put("before", json(report.before()))
        .put("after", json(report.after()))
        .put("equal", report.equal())
        .put("tookMs", report.tookMs());
  }

  private static JsonObject json(StateDigest digest) {
    return new JsonObject().put("entries", digest.entries()).put("sha256", digest.sha256());
  }
}
