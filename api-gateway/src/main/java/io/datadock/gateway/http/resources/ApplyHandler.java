package io.datadock.gateway.http.resources;

import io.datadock.core.error.DatadockException;
import io.datadock.gateway.apply.ApplyService;
import io.datadock.gateway.apply.ApplyService.ApplyRequest;
import io.datadock.gateway.apply.DocumentResult;
import io.datadock.gateway.auth.Authorizer;
import io.datadock.gateway.auth.Caller;
import io.datadock.gateway.http.ErrorResponder;
import io.datadock.gateway.http.Requests;
import io.datadock.gateway.http.ResourceJson;
import io.datadock.gateway.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/resources}: the caller's right to apply in the request's tenant is checked
 * first; the body is parsed, validated and each document authorized on the manifest workers, off
 * the event loop. One failing document answers with its error (and every document's result when
 * there were several).
 */
final class ApplyHandler {

  private final ApplyService applyService;
  private final Authorizer authorizer;
  private final WorkerExecutor workers;

  ApplyHandler(ApplyService applyService, Authorizer authorizer, WorkerExecutor workers) {
    this.applyService = applyService;
    this.authorizer = authorizer;
    this.workers = workers;
  }

  void handle(RoutingContext ctx) {
    Caller caller = Requests.caller(ctx);
    authorizer.applyIn(caller, Requests.tenant(ctx));
    ApplyRequest request = ApplyRequests.of(ctx);
    var context = ctx.vertx().getOrCreateContext();
    workers
        .executeBlocking(() -> applyService.apply(caller, request), false)
        .compose(sent -> Future.fromCompletionStage(sent, context))
        .onSuccess(results -> respond(ctx, results))
        .onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, List<DocumentResult> results) {
    JsonArray array = new JsonArray();
    results.forEach(r -> array.add(ResourceJson.result(r)));
    Optional<DocumentResult> failure = results.stream().filter(DocumentResult::failed).findFirst();
    if (failure.isEmpty()) {
      Responses.json(ctx, 200, new JsonObject().put("results", array));
      return;
    }
    DatadockException error = failure.get().error();
    JsonObject body = ErrorResponder.body(error);
    if (results.size() > 1) {
      body.put("results", array);
    }
    ErrorResponder.send(ctx, ErrorResponder.status(error.code()), body);
  }
}
