package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The filter in front of every endpoint that depends on the resource view: until the view has read
 * {@code resource.state} up to where it stood when the gateway started, they answer 503 with {@code
 * Retry-After}. Resources, watch and catalog are answered from it: a gateway catching up after a
 * restart would otherwise answer 404 for a resource it has not read yet, a list without it, or a
 * watch snapshot missing it, contradicting what another gateway had acknowledged. Changes of users,
 * tenants and grants find the depots they must re-check in it: they would miss those not read yet.
 * Nothing is sent before the check, so a refused request had no effect and may be sent again.
 */
final class ViewCatchUp {

  static final String MESSAGE =
      "this gateway has not yet read every resource since it started; retry shortly";
  static final String RETRY_AFTER_SECONDS = "1";
  private static final List<String> ANSWERED_FROM_THE_VIEW =
      List.of("/api/v1/resources*", "/api/v1/watch", "/api/v1/datasets*", "/api/v1/depots/*");
  private static final List<String> CHANGES_THAT_RECHECK_DEPOTS =
      List.of("/api/v1/users*", "/api/v1/tenants*");
  private static final List<HttpMethod> CHANGES =
      List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final BooleanSupplier caughtUp;

  ViewCatchUp(BooleanSupplier caughtUp) {
    this.caughtUp = caughtUp;
  }

  /** Routes without a method, so that they are filters, not endpoints of their own. */
  void mount(Router router) {
    ANSWERED_FROM_THE_VIEW.forEach(path -> router.route(path).handler(this::handle));
    CHANGES_THAT_RECHECK_DEPOTS.forEach(
        path ->
            router
                .route(path)
                .handler(
                    ctx -> {
                      if (CHANGES.contains(ctx.request().method())) {
                        handle(ctx);
                      } else {
                        ctx.next();
                      }
                    }));
  }

  private void handle(RoutingContext ctx) {
    if (caughtUp.getAsBoolean()) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
    ctx.fail(new DatadockException(ErrorCode.UNAVAILABLE, MESSAGE));
  }
}
