package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.auth.TokenVerifier;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The filter of {@code /api/*} after the console's session cookie ({@code
 * session.SessionAuthentication}): a bearer token that verifies, or 401. Puts the caller and its
 * token on the request for what follows ({@link Requests#caller}, {@link Requests#token}).
 */
final class Authentication {

  private final TokenVerifier tokens;

  Authentication(TokenVerifier tokens) {
    this.tokens = tokens;
  }

  void handle(RoutingContext ctx) {
    if (Requests.caller(ctx) != null) {
      ctx.next(); // signed in by the console's session cookie
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(
          new DatadockException(
              ErrorCode.UNAUTHENTICATED,
              "missing bearer token: send 'Authorization: Bearer <token>'"));
      return;
    }
    String token = header.substring(7).trim();
    Optional<Caller> caller = tokens.verify(token);
    if (caller.isPresent()) {
      authenticated(ctx, caller.get(), token);
      return;
    }
    Future.fromCompletionStage(tokens.verifyLatest(token), ctx.vertx().getOrCreateContext())
        .onSuccess(
            latest -> {
              if (latest.isEmpty()) {
                ctx.fail(
                    new DatadockException(
                        ErrorCode.UNAUTHENTICATED, "invalid, expired or revoked token"));
              } else {
                authenticated(ctx, latest.get(), token);
              }
            })
        .onFailure(ctx::fail);
  }

  private static void authenticated(RoutingContext ctx, Caller caller, String token) {
    Requests.authenticate(ctx, caller, token);
    ctx.next();
  }
}
