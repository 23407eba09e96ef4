package io.datadock.gateway.http.identity;

import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import io.datadock.core.identity.Principal;
import io.datadock.gateway.http.AfterSync;
import io.datadock.gateway.http.Responses;
import io.datadock.gateway.identity.IdentityServices;
import io.datadock.gateway.identity.IdentityWriter;
import io.datadock.runtime.identity.IdentityDirectory;
import io.datadock.schemas.identity.ReferenceGrant;
import io.datadock.schemas.identity.User;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The identity directory and its writer as the identity endpoints use them: lookups that answer
 * 404, and writes answered only once the directory has read them back (so the next request already
 * sees them: a new key works, a revoked one does not), after any revalidation they set off.
 */
final class IdentityStore {

  private final IdentityServices identity;

  IdentityStore(IdentityServices identity) {
    this.identity = identity;
  }

  IdentityDirectory directory() {
    return identity.directory();
  }

  IdentityWriter writer() {
    return identity.writer();
  }

  /**
   * @throws DatadockException NOT_FOUND when there is no such user
   */
  User existingUser(String id) {
    return identity
        .directory()
        .user(id)
        .orElseThrow(
            () -> new DatadockException(ErrorCode.NOT_FOUND, "user '" + id + "' not found"));
  }

  /**
   * {@code read} once the directory holds every identity change written before the request, by any
   * gateway: a grant, user, key or tenant another gateway has just answered for is listed.
   */
  Handler<RoutingContext> afterSync(Handler<RoutingContext> read) {
    return AfterSync.read(() -> identity.directory().sync(), read);
  }

  /** Answers {@code status} with {@code answer} once the write is read back into the directory. */
  void answerOnceRead(
      RoutingContext ctx, CompletableFuture<Void> write, int status, JsonObject answer) {
    Future.fromCompletionStage(readBack(write), ctx.vertx().getOrCreateContext())
        .onSuccess(v -> Responses.json(ctx, status, answer))
        .onFailure(ctx::fail);
  }

  /**
   * Once a change to a user is read back, every depot the user applied asks secret-service again
   * whether it may still use its secrets; the answer lists them ({@code revalidated}).
   *
   * @param after null when the user was deleted
   */
  void answerAfterUserChanged(
      RoutingContext ctx,
      CompletableFuture<Void> write,
      Principal before,
      Principal after,
      String actor,
      JsonObject answer) {
    answerRevalidated(
        ctx,
        readBack(write)
            .thenCompose(v -> identity.revalidation().afterUserChanged(before, after, actor)),
        answer);
  }

  /**
   * Once the withdrawal of {@code grant} is read back, every depot the grant may have let in asks
   * again; the answer lists them ({@code revalidated}).
   */
  void answerAfterGrantWithdrawn(
      RoutingContext ctx, ReferenceGrant grant, long at, String actor, JsonObject answer) {
    answerRevalidated(
        ctx,
        readBack(identity.writer().withdrawGrant(grant, at))
            .thenCompose(v -> identity.revalidation().afterGrantWithdrawn(grant, actor)),
        answer);
  }

  /**
   * Withdraws each of {@code grants} at {@code at}, without revalidating: for a user or a tenant
   * being removed (a tenant created later under the name must not find them; a removed user's id is
   * not given again, and their depots are revalidated by the removal itself).
   */
  CompletableFuture<Void> withdrawAll(List<ReferenceGrant> grants, long at) {
    return CompletableFuture.allOf(
        grants.stream()
            .map(g -> identity.writer().withdrawGrant(g, at))
            .toArray(CompletableFuture[]::new));
  }

  /** Answers 200 with {@code answer} and the depots {@code revalidated} once they are known. */
  private void answerRevalidated(
      RoutingContext ctx, CompletableFuture<List<String>> revalidated, JsonObject answer) {
    Future.fromCompletionStage(revalidated, ctx.vertx().getOrCreateContext())
        .onSuccess(
            depots ->
                Responses.json(
                    ctx, 200, answer.put("revalidated", new JsonArray(List.copyOf(depots)))))
        .onFailure(ctx::fail);
  }

  /** Completes once {@code write} is acknowledged and the directory has read it back. */
  private CompletableFuture<Void> readBack(CompletableFuture<Void> write) {
    return write.thenCompose(v -> identity.directory().sync());
  }
}
