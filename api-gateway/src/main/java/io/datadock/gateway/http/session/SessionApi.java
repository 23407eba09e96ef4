package io.datadock.gateway.http.session;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.auth.TokenVerifier;
import io.datadock.gateway.http.Requests;
import io.datadock.gateway.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/session}, the console's sign-in: {@code POST} with {@code {"token"}} (an API key
 * or the admin token) starts a session and sets its cookie; {@code GET} tells a reloaded page
 * whether its cookie still signs it in (and hands it the CSRF token again); {@code DELETE} signs
 * out. Mounted before authentication: these calls are how a browser gets one.
 */
public final class SessionApi {

  private static final Logger LOG = LoggerFactory.getLogger(SessionApi.class);
  static final String PATH = "/api/v1/session";

  private final SessionStore sessions;
  private final TokenVerifier tokens;

  public SessionApi(SessionStore sessions, TokenVerifier tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  public void mount(Router router) {
    router.get(PATH).handler(this::handleCurrent);
    router.post(PATH).handler(this::handleSignIn);
    router.delete(PATH).handler(this::handleSignOut);
  }

  /** A key issued a moment ago on another gateway signs in here too ({@code verifyLatest}). */
  private void handleSignIn(RoutingContext ctx) {
    String token = Requests.required(Requests.body(ctx), "token").trim();
    Future.fromCompletionStage(tokens.verifyLatest(token), ctx.vertx().getOrCreateContext())
        .onSuccess(
            caller -> {
              if (caller.isEmpty()) {
                ctx.fail(
                    new DatadockException(
                        ErrorCode.UNAUTHENTICATED, "invalid, expired or revoked API key", "token"));
                return;
              }
              SessionStore.Started started = sessions.start(token);
              SessionCookie.set(ctx, started.id());
              LOG.info("session started user={}", caller.get().id());
              answer(ctx, caller.get(), started.session());
            })
        .onFailure(ctx::fail);
  }

  private void handleCurrent(RoutingContext ctx) {
    Optional<String> id = SessionCookie.read(ctx);
    Optional<Session> session = id.flatMap(sessions::touch);
    Optional<Caller> caller = session.flatMap(s -> tokens.verify(s.token()));
    if (caller.isEmpty()) {
      id.ifPresent(sessions::end);
      SessionCookie.clear(ctx);
      throw new DatadockException(ErrorCode.UNAUTHENTICATED, "not signed in");
    }
    answer(ctx, caller.get(), session.get());
  }

  private void handleSignOut(RoutingContext ctx) {
    Optional<String> id = SessionCookie.read(ctx);
    Optional<Session> session = id.flatMap(sessions::touch);
    if (session.isPresent()
        && !SessionAuthentication.matches(
            session.get().csrfToken(),
            ctx.request().getHeader(SessionAuthentication.CSRF_HEADER))) {
      throw new DatadockException(
          ErrorCode.FORBIDDEN,
          "forbidden: signing out needs the session's " + SessionAuthentication.CSRF_HEADER,
          SessionAuthentication.CSRF_HEADER);
    }
    id.ifPresent(sessions::end);
    SessionCookie.clear(ctx);
    if (session.isPresent()) {
      LOG.info("session ended reason=sign-out");
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    Responses.json(ctx, 200, new JsonObject().put("outcome", "signed-out"));
  }

  private void answer(RoutingContext ctx, Caller caller, Session session) {
    ctx.response().putHeader("Cache-Control", "no-store");
    Responses.json(
        ctx,
        200,
        new JsonObject()
            .put("user", caller.id())
            .put("defaultTenant", caller.defaultTenant())
            .put("csrfToken", session.csrfToken())
            .put("idleTimeoutSeconds", sessions.idleTimeout().toSeconds()));
  }
}
