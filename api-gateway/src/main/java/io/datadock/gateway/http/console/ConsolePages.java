package io.datadock.gateway.http.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console: the static page, its ES modules and its style sheet, served from the gateway's
 * jar ({@code console/} on the classpath) at {@code /}, the API's origin. Every answer carries a
 * strict Content-Security-Policy (scripts, styles and requests from this origin only, no inline
 * code, no framing), {@code nosniff} and no referrer. Paths under {@code /api/} are never served
 * from here.
 */
public final class ConsolePages {

  static final String ROOT = "console";

  static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self'",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  private final StaticHandler files =
      StaticHandler.create(ROOT)
          .setIndexPage("index.html")
          .setCachingEnabled(false)
          .setDirectoryListing(false)
          .setIncludeHidden(false);

  /** Mount last, before the 404: a path no file answers falls through to it. */
  public void mount(Router router) {
    router.route("/*").handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/")) {
      ctx.next();
      return;
    }
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cross-Origin-Opener-Policy", "same-origin")
        .putHeader("Cache-Control", "no-cache");
    files.handle(ctx);
  }
}
