package io.datadock.gateway.kafka;

import io.datadock.schemas.resource.CommandResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for one command's reply: the future it returns completes with the reply, or fails
 * with a {@link java.util.concurrent.TimeoutException} when the wait is over.
 */
@FunctionalInterface
public interface ReplyDeadline {

  CompletableFuture<CommandResult> bound(CompletableFuture<CommandResult> reply);

  /** A fixed wait. */
  static ReplyDeadline after(Duration timeout) {
    return reply -> reply.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
