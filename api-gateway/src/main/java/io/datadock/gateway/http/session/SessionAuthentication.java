package io.datadock.gateway.http.session;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.auth.TokenVerifier;
import io.datadock.gateway.http.Requests;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * The filter of {@code /api/*} before bearer authentication: a request with no {@code
 * Authorization} header but a session cookie is authenticated by the key its session holds,
 * verified again now (a revoked or expired key ends the session: 401). A state-changing request
 * must also carry the session's CSRF token in {@code X-CSRF-Token} (else 403). Requests with an
 * {@code Authorization} header (the CLI, scripts) pass untouched.
 */
public final class SessionAuthentication {

  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  private final SessionStore sessions;
  private final TokenVerifier tokens;

  public SessionAuthentication(SessionStore sessions, TokenVerifier tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  public void handle(RoutingContext ctx) {
    Optional<String> id = SessionCookie.read(ctx);
    if (ctx.request().getHeader("Authorization") != null || id.isEmpty()) {
      ctx.next();
      return;
    }
    Optional<Session> session = sessions.touch(id.get());
    if (session.isEmpty()) {
      SessionCookie.clear(ctx);
      ctx.fail(
          new DatadockException(
              ErrorCode.UNAUTHENTICATED,
              "the session has ended (signed out or idle); sign in again"));
      return;
    }
    if (!SAFE.contains(ctx.request().method())
        && !matches(session.get().csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
      ctx.fail(
          new DatadockException(
              ErrorCode.FORBIDDEN,
              "forbidden: a request signed in by cookie needs the session's " + CSRF_HEADER,
              CSRF_HEADER));
      return;
    }
    Optional<Caller> caller = tokens.verify(session.get().token());
    if (caller.isEmpty()) {
      sessions.end(id.get());
      SessionCookie.clear(ctx);
      ctx.fail(
          new DatadockException(
              ErrorCode.UNAUTHENTICATED,
              "the key this session signed in with is revoked or expired; sign in again"));
      return;
    }
    Requests.authenticate(ctx, caller.get(), session.get().token());
    ctx.next();
  }

  static boolean matches(String expected, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
