package io.datadock.gateway.http;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's last handlers: a request no route matched is answered 404, and every failure becomes
 * an error body ({@link ErrorResponder}): a {@link DatadockException} (also as the cause of
 * another) as its code says, a body over the limit 413, another client error 400, anything else a
 * logged 500 that tells the client nothing more.
 */
final class FailureResponder {

  private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);

  private final int maxBodyBytes;

  FailureResponder(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  void noSuchEndpoint(RoutingContext ctx) {
    ErrorResponder.send(
        ctx,
        new DatadockException(
            ErrorCode.NOT_FOUND,
            "no such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
  }

  void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    while (failure != null
        && !(failure instanceof DatadockException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof DatadockException e) {
      ErrorResponder.send(ctx, e);
    } else if (ctx.statusCode() == 413) {
      ErrorResponder.send(
          ctx,
          new DatadockException(
              ErrorCode.TOO_LARGE,
              "the request body exceeds the limit of " + maxBodyBytes + " bytes"));
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      ErrorResponder.send(
          ctx,
          ctx.statusCode(),
          ErrorResponder.body(new DatadockException(ErrorCode.MALFORMED, "bad request")));
    } else {
      LOG.error(
          "request failed method={} path={}",
          ctx.request().method(),
          ctx.request().path(),
          failure);
      ErrorResponder.send(
          ctx,
          new DatadockException(
              ErrorCode.INTERNAL, "internal error; the gateway log has the details"));
    }
  }
}
