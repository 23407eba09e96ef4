package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.limits.BudgetKey;
import io.datadock.gateway.limits.RateLimiter;
import io.vertx.ext.web.RoutingContext;

/**
 * The filter after {@link Authentication}: the request spends its budget ({@link BudgetKey}), or is
 * answered 429 with {@code Retry-After}.
 */
final class RateLimit {

  private final RateLimiter limiter;
  private final Authorizer authorizer;

  RateLimit(RateLimiter limiter, Authorizer authorizer) {
    this.limiter = limiter;
    this.authorizer = authorizer;
  }

  void handle(RoutingContext ctx) {
    BudgetKey budget =
        BudgetKey.of(Requests.caller(ctx), ctx.queryParams().get("tenant"), authorizer::isMember);
    long retryAfter = limiter.acquire(budget);
    if (retryAfter > 0) {
      ctx.response().putHeader("Retry-After", String.valueOf(retryAfter));
      ctx.fail(
          new DatadockException(
              ErrorCode.RATE_LIMITED,
              "too many requests for " + budget.label() + "; retry in " + retryAfter + " s"));
      return;
    }
    ctx.next();
  }
}
