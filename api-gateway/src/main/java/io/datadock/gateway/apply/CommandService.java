package io.datadock.gateway.apply;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.resource.ResourceStatus;
import io.datadock.gateway.app.GatewayConfig.ReplyMode;
import io.datadock.gateway.kafka.CommandPublisher;
import io.datadock.gateway.kafka.ReplyRouter;
import io.datadock.gateway.replay.ReplayAwareDeadlines;
import io.datadock.gateway.view.ResourceView;
import io.datadock.runtime.replay.ReplayTargets;
import io.datadock.schemas.depot.DepotCommand;
import io.datadock.schemas.resource.CommandResult;
import io.datadock.schemas.resource.Outcome;
import io.datadock.schemas.resource.ResourceState;
import io.datadock.schemas.secret.SecretCommand;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends one command and waits for what it led to: the reply on {@code command.results}, then the
 * read view catching up with the version it produced (read-your-writes). Every wait is bounded.
 */
public final class CommandService {

  private final CommandPublisher publisher;
  private final ReplyRouter replies;
  private final ResourceView view;
  private final Duration timeout;
  private final ReplyMode replyMode;
  private final ReplayAwareDeadlines deadlines;
  private final io.micrometer.core.instrument.MeterRegistry metrics;

  /**
   * @param timeout how long a command waits for its reply, and then for the view to show it
   * @param deadlines the reply's deadline, {@code timeout} not counting its service's replays
   */
  public CommandService(
      CommandPublisher publisher,
      ReplyRouter replies,
      ResourceView view,
      Duration timeout,
      ReplayAwareDeadlines deadlines,
      ReplyMode replyMode,
      io.micrometer.core.instrument.MeterRegistry metrics) {
    this.deadlines = deadlines;
    this.metrics = metrics;
    this.publisher = publisher;
    this.replies = replies;
    this.view = view;
    this.timeout = timeout;
    this.replyMode = replyMode;
  }

  /**
   * @return the command's result; fails with a {@link DatadockException} (TIMEOUT, UNAVAILABLE)
   *     when no reply arrived in time or the broker did not take the command
   */
  public CompletableFuture<CommandResult> send(SecretCommand command) {
    return send(
        ReplayTargets.SECRET,
        command.getCommandId(),
        command.getResourceKey(),
        command.getIssuedAt(),
        () -> publisher.publish(command));
  }

  public CompletableFuture<CommandResult> send(DepotCommand command) {
    return send(
        ReplayTargets.DEPOT,
        command.getCommandId(),
        command.getResourceKey(),
        command.getIssuedAt(),
        () -> publisher.publish(command));
  }

  /**
   * Once {@link #send} answered for a depot: waits (bounded) until the view shows the depot
   * settled, {@code active} or {@code error}, at the command's version or later.
   */
  public CompletableFuture<Optional<ResourceState>> settled(CommandResult result, Duration wait) {
    if (result.getOutcome() == Outcome.REJECTED || result.getResourceVersion() == null) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return view.awaitState(
            result.getResourceKey(),
            result.getResourceVersion(),
            s ->
                s == null
                    || ResourceStatus.fromWire(s.getStatus())
                        .map(ResourceStatus::isSettled)
                        .orElse(false),
            wait)
        .thenApply(Optional::ofNullable)
        // not settled in time: what the view holds when the wait ends
        .exceptionally(timedOut -> view.get(result.getResourceKey()));
  }

  /**
   * @param service the replay name of the service that decides the command
   */
  private CompletableFuture<CommandResult> send(
      String service,
      String id,
      String resourceKey,
      long issuedAt,
      java.util.function.Supplier<CompletableFuture<RecordMetadata>> publish) {
    CompletableFuture<CommandResult> reply =
        replyMode == ReplyMode.SERVICE ? replies.expect(id, deadlines.forService(service)) : null;
    CompletableFuture<CommandResult> outcome =
        publish
            .get()
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally(
                e -> {
                  if (reply != null) {
                    replies.forget(id);
                  }
                  throw new CompletionException(
                      new DatadockException(
                          ErrorCode.UNAVAILABLE,
                          "the command could not be published to Kafka: " + rootMessage(e)));
                })
            .thenCompose(
                ack ->
                    reply == null
                        ? CompletableFuture.completedFuture(accepted(id, resourceKey, issuedAt))
                        : reply);
    long started = System.nanoTime();
    return outcome
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(asTimeout(e, service, id)))
        .whenComplete(
            (result, error) ->
                io.micrometer.core.instrument.Timer.builder("datadock.command.latency")
                    .description("command published to its result received")
                    .tag(
                        "topic",
                        resourceKey.split("/").length > 1 ? resourceKey.split("/")[1] : "-")
                    .tag(
                        "outcome",
                        error != null
                            ? "failed"
                            : result.getOutcome().name().toLowerCase(java.util.Locale.ROOT))
                    .register(metrics)
                    .record(java.time.Duration.ofNanos(System.nanoTime() - started)))
        .thenCompose(this::awaitView);
  }

  private CompletableFuture<CommandResult> awaitView(CommandResult result) {
    if (result.getOutcome() == Outcome.REJECTED || result.getResourceVersion() == null) {
      return CompletableFuture.completedFuture(result);
    }
    return view.awaitVersion(result.getResourceKey(), result.getResourceVersion(), timeout)
        // The command did take effect; a slow view only delays visibility, so answer anyway.
        .handle((v, e) -> result);
  }

  private Throwable asTimeout(Throwable e, String service, String commandId) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (ReplyRouter.isTimeout(cause) && deadlines.replaying(service)) {
      return new DatadockException(
          ErrorCode.TIMEOUT,
          "no reply from the "
              + service
              + " service: it is being replayed, and the command (id "
              + commandId
              + ") is decided once its state is rebuilt: check the resource before retrying");
    }
    if (ReplyRouter.isTimeout(cause)) {
      return new DatadockException(
          ErrorCode.TIMEOUT,
          "no reply from the service within "
              + timeout.toMillis()
              + " ms; the command (id "
              + commandId
              + ") may still be applied: check the resource before retrying");
    }
    return cause;
  }

  private static CommandResult accepted(String id, String resourceKey, long issuedAt) {
    return CommandResult.newBuilder()
        .setCommandId(id)
        .setResourceKey(resourceKey)
        .setOutcome(Outcome.UNCHANGED)
        .setStatus(CommandOutcomes.ACCEPTED)
        .setProcessedAt(issuedAt)
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
