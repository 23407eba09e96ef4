package io.datadock.gateway.kafka;

import io.datadock.schemas.resource.CommandResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Request/reply over {@code command.results}: a request registers its command id before the command
 * is published, and the reply completes it. Replies are read uncommitted, which is safe because the
 * services decide deterministically: an aborted transaction is redone with the same result.
 * Duplicate replies (from such a redo) and replies for other gateways are ignored.
 */
public final class ReplyRouter {

  private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();

  /** Registers interest in a command's reply; the future fails with a TimeoutException. */
  public CompletableFuture<CommandResult> expect(String commandId, Duration timeout) {
    return expect(commandId, ReplyDeadline.after(timeout));
  }

  /**
   * Registers interest in a command's reply, waited for as long as {@code deadline} allows; the
   * request is forgotten once the returned future completes, either way.
   */
  public CompletableFuture<CommandResult> expect(String commandId, ReplyDeadline deadline) {
    CompletableFuture<CommandResult> reply = new CompletableFuture<>();
    pending.put(commandId, reply);
    return deadline.bound(reply).whenComplete((r, e) -> pending.remove(commandId, reply));
  }

  public void forget(String commandId) {
    CompletableFuture<CommandResult> reply = pending.remove(commandId);
    if (reply != null) {
      reply.cancel(false);
    }
  }

  public void onRecord(ConsumerRecord<String, CommandResult> record) {
    CompletableFuture<CommandResult> reply = pending.get(record.key());
    if (reply != null && record.value() != null) {
      reply.complete(record.value());
    }
  }

  public int pendingCount() {
    return pending.size();
  }

  public static boolean isTimeout(Throwable t) {
    Throwable cause = t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
    return cause instanceof TimeoutException;
  }
}
