package io.datadock.gateway.http;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A read answered from one of the gateway's views once that view holds every change written before
 * the read, whichever gateway wrote it: an answer any gateway gave is not contradicted by a later
 * read on another. When the view cannot be brought up to date in time (Kafka unreachable), 503 with
 * {@code Retry-After}.
 */
public final class AfterSync {

  /** How long a read waits for its view to hold what was written before it; then a 503. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private AfterSync() {}

  /**
   * @param sync completes once the view holds every change written before the call
   */
  public static Handler<RoutingContext> read(
      Supplier<CompletableFuture<Void>> sync, Handler<RoutingContext> read) {
    return ctx ->
        Future.fromCompletionStage(
                sync.get().orTimeout(TIMEOUT.toMillis(), MILLISECONDS),
                ctx.vertx().getOrCreateContext())
            .onSuccess(
                synced -> {
                  try {
                    read.handle(ctx);
                  } catch (RuntimeException e) {
                    ctx.fail(e);
                  }
                })
            .onFailure(
                e -> {
                  ctx.response().putHeader("Retry-After", "1");
                  ErrorResponder.send(
                      ctx,
                      new DatadockException(
                          ErrorCode.UNAVAILABLE,
                          "this gateway could not make sure it shows every change written before"
                              + " the read (Kafka unreachable?); retry shortly"));
                });
  }
}
