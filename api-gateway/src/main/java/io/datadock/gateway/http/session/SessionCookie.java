package io.datadock.gateway.http.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site
 * sends it), {@code Path=/}, {@code Secure} when the request came over TLS; no {@code Max-Age}, so
 * it ends with the browser too.
 */
final class SessionCookie {

  static final String NAME = "datadock_session";

  private SessionCookie() {}

  static Optional<String> read(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(NAME);
    return cookie == null || cookie.getValue().isBlank()
        ? Optional.empty()
        : Optional.of(cookie.getValue());
  }

  static void set(RoutingContext ctx, String id) {
    ctx.response().addCookie(base(ctx, id));
  }

  static void clear(RoutingContext ctx) {
    ctx.response().addCookie(base(ctx, "").setMaxAge(0));
  }

  private static Cookie base(RoutingContext ctx, String value) {
    return Cookie.cookie(NAME, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT)
        .setSecure(ctx.request().isSSL());
  }
}
